import CoordinaitorDomain
import NIOCore
import PostgresNIO

struct PostgresArtifactRepository: ArtifactRepository {
    let database: PostgresDatabase

    /// Locks the task row (`FOR NO KEY UPDATE`), so puts to one task take turns and each reads the size it replaces;
    /// a concurrent task delete waits, then finds the artifact, or the put finds the task gone.
    func put(in scope: TenantScope, _ artifact: TaskArtifact, content: [UInt8], limits: UsageLimits) async throws -> TaskArtifact {
        try ScopeMismatchError.check(artifact.organizationID, in: scope)
        var stored = artifact
        // The charge must match the bytes stored, whatever the caller put in `size`.
        stored.size = Int64(content.count)
        let a = stored
        let organizationID = scope.organizationID.uuid
        let logger = self.database.logger
        return try await self.database.transaction { connection in
            let tasks = try await connection.rows(
                "SELECT 1 FROM tasks WHERE organization_id = \(organizationID) AND id = \(a.taskID.uuid) FOR NO KEY UPDATE",
                logger: logger
            )
            guard !tasks.isEmpty else { throw ResourceError.notFound("task") }
            let previous = try await connection.rows(
                """
                SELECT size FROM task_artifacts
                WHERE organization_id = \(organizationID) AND task_id = \(a.taskID.uuid) AND name = \(a.name.value)
                FOR UPDATE
                """,
                logger: logger
            )
            let previousSize = try previous.first?.decode(Int64.self) ?? 0
            // A replaced artifact keeps its creation time.
            let rows = try await connection.rows(
                """
                INSERT INTO task_artifacts (organization_id, task_id, name, content_type, size, sha256, content, created_at, updated_at)
                VALUES (
                    \(organizationID), \(a.taskID.uuid), \(a.name.value), \(a.contentType), \(a.size), \(a.sha256),
                    \(ByteBuffer(bytes: content)), \(MillisecondTimestamp(a.createdAt)), \(MillisecondTimestamp(a.updatedAt))
                )
                ON CONFLICT (organization_id, task_id, name) DO UPDATE SET
                    content_type = excluded.content_type, size = excluded.size, sha256 = excluded.sha256,
                    content = excluded.content, updated_at = excluded.updated_at
                RETURNING created_at
                """,
                logger: logger
            )
            var result = a
            if let row = rows.first { result.createdAt = try row.decode(MillisecondTimestamp.self).date }
            try await PostgresUsageLedger.apply(
                [UsageCharge(.storageBytes, a.size - previousSize)], limits: limits, in: scope, on: connection, logger: logger)
            return result
        }
    }

    func list(in scope: TenantScope, taskID: TaskID) async throws -> [TaskArtifact] {
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.artifact) FROM task_artifacts
            WHERE organization_id = \(scope.organizationID.uuid) AND task_id = \(taskID.uuid)
            ORDER BY name
            """
        )
        return try rows.map(TaskArtifact.init(postgresRow:))
    }

    func find(in scope: TenantScope, taskID: TaskID, name: ArtifactName) async throws -> (artifact: TaskArtifact, content: [UInt8])? {
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.artifact), content FROM task_artifacts
            WHERE organization_id = \(scope.organizationID.uuid) AND task_id = \(taskID.uuid) AND name = \(name.value)
            """
        )
        guard let row = rows.first else { return nil }
        let content = try row.makeRandomAccess()["content"].decode(ByteBuffer.self)
        return (try TaskArtifact(postgresRow: row), Array(content.readableBytesView))
    }

    func delete(in scope: TenantScope, taskID: TaskID, name: ArtifactName, limits: UsageLimits) async throws {
        let logger = self.database.logger
        try await self.database.transaction { connection in
            let deleted = try await connection.rows(
                """
                DELETE FROM task_artifacts
                WHERE organization_id = \(scope.organizationID.uuid) AND task_id = \(taskID.uuid) AND name = \(name.value)
                RETURNING size
                """,
                logger: logger
            )
            guard let row = deleted.first else { throw ResourceError.notFound("artifact") }
            let size = try row.decode(Int64.self)
            try await PostgresUsageLedger.apply([UsageCharge(.storageBytes, -size)], limits: limits, in: scope, on: connection, logger: logger)
        }
    }
}
