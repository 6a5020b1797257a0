import CoordinaitorDomain
import NIOCore
import SQLiteNIO

struct SQLiteArtifactRepository: ArtifactRepository {
    let connections: SQLiteConnections

    func put(in scope: TenantScope, _ artifact: TaskArtifact, content: [UInt8], limits: UsageLimits) async throws -> TaskArtifact {
        try ScopeMismatchError.check(artifact.organizationID, in: scope)
        var stored = artifact
        // The charge must match the bytes stored, whatever the caller put in `size`.
        stored.size = Int64(content.count)
        // An empty buffer binds as NULL, hence COALESCE to an empty blob. A replaced artifact keeps its creation time.
        let upsert = """
            INSERT INTO task_artifacts (organization_id, task_id, name, content_type, size, sha256, content, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, x''), ?, ?)
            ON CONFLICT (organization_id, task_id, name) DO UPDATE SET
                content_type = excluded.content_type, size = excluded.size, sha256 = excluded.sha256,
                content = excluded.content, updated_at = excluded.updated_at
            RETURNING created_at
            """
        let binds: [SQLiteData] = [
            .id(scope.organizationID), .id(stored.taskID), .text(stored.name.value), .text(stored.contentType),
            .integer(SQLiteInt64(stored.size)), .text(stored.sha256), .blob(ByteBuffer(bytes: content)),
            .date(stored.createdAt), .date(stored.updatedAt),
        ]
        let unsaved = stored
        return try await self.connections.write { transaction in
            var stored = unsaved
            guard try SQLiteTenantRows.exists(in: WorkTask.sqliteTable, scope: scope, id: stored.taskID, transaction: transaction) else {
                throw ResourceError.notFound("task")
            }
            let previous = try transaction.query(
                "SELECT size FROM task_artifacts WHERE organization_id = ? AND task_id = ? AND name = ?",
                [.id(scope.organizationID), .id(stored.taskID), .text(stored.name.value)]
            )
            let previousSize = try previous.first.map { Int64(try SQLiteRowReader($0, table: "task_artifacts").int("size")) } ?? 0
            let rows = try transaction.query(upsert, binds)
            if let row = rows.first { stored.createdAt = try SQLiteRowReader(row, table: "task_artifacts").date("created_at") }
            try SQLiteUsageLedger.apply([UsageCharge(.storageBytes, stored.size - previousSize)], limits: limits, in: scope, transaction: transaction)
            return stored
        }
    }

    func list(in scope: TenantScope, taskID: TaskID) async throws -> [TaskArtifact] {
        let sql = """
            SELECT \(TaskArtifact.sqliteColumns) FROM task_artifacts
            WHERE organization_id = ? AND task_id = ? ORDER BY name
            """
        let rows = try await self.connections.read { try $0.query(sql, [.id(scope.organizationID), .id(taskID)]) }
        return try rows.map(TaskArtifact.init(sqliteRow:))
    }

    func find(in scope: TenantScope, taskID: TaskID, name: ArtifactName) async throws -> (artifact: TaskArtifact, content: [UInt8])? {
        let sql = """
            SELECT \(TaskArtifact.sqliteColumns), content FROM task_artifacts
            WHERE organization_id = ? AND task_id = ? AND name = ?
            """
        let rows = try await self.connections.read { try $0.query(sql, [.id(scope.organizationID), .id(taskID), .text(name.value)]) }
        guard let row = rows.first else { return nil }
        return (try TaskArtifact(sqliteRow: row), try TaskArtifact.sqliteContent(row))
    }

    func delete(in scope: TenantScope, taskID: TaskID, name: ArtifactName, limits: UsageLimits) async throws {
        let sql = "DELETE FROM task_artifacts WHERE organization_id = ? AND task_id = ? AND name = ? RETURNING size"
        try await self.connections.write { transaction in
            guard let row = try transaction.query(sql, [.id(scope.organizationID), .id(taskID), .text(name.value)]).first else {
                throw ResourceError.notFound("artifact")
            }
            let size = Int64(try SQLiteRowReader(row, table: "task_artifacts").int("size"))
            try SQLiteUsageLedger.apply([UsageCharge(.storageBytes, -size)], limits: limits, in: scope, transaction: transaction)
        }
    }
}
