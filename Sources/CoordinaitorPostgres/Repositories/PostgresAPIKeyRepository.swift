import CoordinaitorDomain
import Foundation
import PostgresNIO

struct PostgresAPIKeyRepository: APIKeyRepository {
    let database: PostgresDatabase

    func create(in scope: TenantScope, _ key: APIKey) async throws -> APIKey {
        try ScopeMismatchError.check(key.organizationID, in: scope)
        let k = key
        try await PostgresConstraintViolation.mapping(resource: "api_key") {
            _ = try await self.database.rows(
                """
                INSERT INTO api_keys (
                    organization_id, id, name, prefix, secret_hash, scopes, created_by, created_at, expires_at,
                    last_used_at, revoked_at
                ) VALUES (
                    \(k.organizationID.uuid), \(k.id.uuid), \(k.name), \(k.prefix), \(k.secretHash), \(k.storedScopes),
                    \(k.createdBy.uuid), \(MillisecondTimestamp(k.createdAt)), \(k.expiresAt.map(MillisecondTimestamp.init)),
                    \(k.lastUsedAt.map(MillisecondTimestamp.init)), \(k.revokedAt.map(MillisecondTimestamp.init))
                )
                """
            )
        }
        return key
    }

    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<APIKey> {
        let cursor = try PostgresPage.cursor(page)
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.apiKey) FROM api_keys
            WHERE organization_id = \(scope.organizationID.uuid)
              AND (\(cursor)::uuid IS NULL OR id < \(cursor))
            ORDER BY id DESC
            LIMIT \(PostgresPage.fetchLimit(page))
            """
        )
        return try PostgresPage.page(rows, for: page, decode: APIKey.init(postgresRow:), cursor: \.id.description)
    }

    func find(in scope: TenantScope, id: APIKeyID) async throws -> APIKey? {
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.apiKey) FROM api_keys
            WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
            """
        )
        return try rows.first.map(APIKey.init(postgresRow:))
    }

    func revoke(in scope: TenantScope, id: APIKeyID, at time: Date) async throws -> APIKey {
        // COALESCE keeps the first revocation time when a key is revoked again.
        let rows = try await self.database.rows(
            """
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, \(MillisecondTimestamp(time)))
            WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
            RETURNING \(unescaped: PostgresColumns.apiKey)
            """
        )
        guard let row = rows.first else { throw ResourceError.notFound("api_key") }
        return try APIKey(postgresRow: row)
    }

    func find(prefix: String) async throws -> APIKey? {
        let rows = try await self.database.rows("SELECT \(unescaped: PostgresColumns.apiKey) FROM api_keys WHERE prefix = \(prefix)")
        return try rows.first.map(APIKey.init(postgresRow:))
    }

    /// One statement for the whole batch: the ids and times travel as two parallel arrays and are paired by `unnest`.
    func recordUse(_ lastUsed: [APIKeyID: Date]) async throws {
        guard !lastUsed.isEmpty else { return }
        // Sorted, so concurrent flushes from several servers tend to lock shared rows in the same order.
        let entries = lastUsed.sorted { $0.key < $1.key }
        let ids = entries.map(\.key.uuid)
        let times = entries.map { MillisecondTimestamp($0.value) }
        // Only ever forward: a flush that arrives late must not move `last_used_at` back.
        _ = try await self.database.rows(
            """
            UPDATE api_keys AS stored SET last_used_at = used.used_at
            FROM unnest(\(ids)::uuid[], \(times)::timestamptz[]) AS used (id, used_at)
            WHERE stored.id = used.id AND (stored.last_used_at IS NULL OR stored.last_used_at < used.used_at)
            """
        )
    }
}
