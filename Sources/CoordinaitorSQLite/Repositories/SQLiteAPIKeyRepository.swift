import CoordinaitorDomain
import Foundation
import SQLiteNIO

struct SQLiteAPIKeyRepository: APIKeyRepository {
    private static let table = APIKey.sqliteTable
    let connections: SQLiteConnections

    func create(in scope: TenantScope, _ key: APIKey) async throws -> APIKey {
        try ScopeMismatchError.check(key.organizationID, in: scope)
        try await SQLiteConstraintViolation.mapConflicts(resource: "api_key") {
            try await self.connections.write { try $0.query(Self.table.insertSQL, key.sqliteValues()) }
        }
        return key
    }

    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<APIKey> {
        var query = SQLiteListQuery(Self.table)
        query.filter("organization_id", equals: .id(scope.organizationID))
        return try await query.fetch(page, on: self.connections, decode: APIKey.init(sqliteRow:), cursor: \.id.description)
    }

    func find(in scope: TenantScope, id: APIKeyID) async throws -> APIKey? {
        let rows = try await self.connections.read { try $0.query(Self.table.findSQL, [.id(scope.organizationID), .id(id)]) }
        return try rows.first.map(APIKey.init(sqliteRow:))
    }

    func revoke(in scope: TenantScope, id: APIKeyID, at time: Date) async throws -> APIKey {
        // COALESCE keeps the first revocation time when a key is revoked again.
        let sql = """
            UPDATE \(Self.table.name) SET revoked_at = COALESCE(revoked_at, ?)
            WHERE organization_id = ? AND id = ?
            RETURNING \(Self.table.selectList)
            """
        let rows = try await self.connections.write { try $0.query(sql, [.date(time), .id(scope.organizationID), .id(id)]) }
        guard let row = rows.first else { throw ResourceError.notFound("api_key") }
        return try APIKey(sqliteRow: row)
    }

    func find(prefix: String) async throws -> APIKey? {
        let sql = "SELECT \(Self.table.selectList) FROM \(Self.table.name) WHERE prefix = ?"
        let rows = try await self.connections.read { try $0.query(sql, [.text(prefix)]) }
        return try rows.first.map(APIKey.init(sqliteRow:))
    }

    /// One transaction for the whole batch: SQLite statements are cheap, and one statement per key avoids the limit
    /// on bound values that a single multi-row statement would run into with large batches.
    func recordUse(_ lastUsed: [APIKeyID: Date]) async throws {
        guard !lastUsed.isEmpty else { return }
        // Only ever forward: a flush that arrives late must not move `last_used_at` back.
        let sql = "UPDATE \(Self.table.name) SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)"
        try await self.connections.write { transaction in
            for (id, time) in lastUsed.sorted(by: { $0.key < $1.key }) {
                try transaction.query(sql, [.date(time), .id(id), .date(time)])
            }
        }
    }
}
