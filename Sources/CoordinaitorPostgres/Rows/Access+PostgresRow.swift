import CoordinaitorDomain
import PostgresNIO

extension APIKey {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "api_keys")
        self.init(
            id: try reader.id("id"),
            organizationID: try reader.id("organization_id"),
            name: try reader.string("name"),
            prefix: try reader.string("prefix"),
            secretHash: try reader.string("secret_hash"),
            scopes: try Self.scopes(fromStored: try reader.string("scopes")),
            createdBy: try reader.id("created_by"),
            createdAt: try reader.date("created_at"),
            expiresAt: try reader.optionalDate("expires_at"),
            lastUsedAt: try reader.optionalDate("last_used_at"),
            revokedAt: try reader.optionalDate("revoked_at")
        )
    }

    /// Scopes are stored as their sorted names joined by commas (`read,write`): one canonical spelling per set, which
    /// the column's CHECK constraint enumerates.
    var storedScopes: String { self.scopes.sorted().map(\.rawValue).joined(separator: ",") }

    private static func scopes(fromStored text: String) throws -> Set<APIKeyScope> {
        var scopes: Set<APIKeyScope> = []
        for name in text.split(separator: ",") {
            guard let scope = APIKeyScope(rawValue: String(name)) else {
                throw PostgresStoredValueError(table: "api_keys", column: "scopes", reason: "unknown scope '\(name)'")
            }
            scopes.insert(scope)
        }
        return scopes
    }
}

extension Invitation {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "invitations")
        self.init(
            id: try reader.id("id"),
            organizationID: try reader.id("organization_id"),
            email: try reader.string("email"),
            role: try reader.value("role"),
            tokenHash: try reader.string("token_hash"),
            invitedBy: try reader.id("invited_by"),
            createdAt: try reader.date("created_at"),
            expiresAt: try reader.date("expires_at"),
            acceptedAt: try reader.optionalDate("accepted_at"),
            revokedAt: try reader.optionalDate("revoked_at")
        )
    }
}

/// Lets a list of timestamps be bound as one `timestamptz[]`, for batched statements over `unnest`.
extension MillisecondTimestamp: PostgresArrayEncodable {
    static var psqlArrayType: PostgresDataType { .timestamptzArray }
}
