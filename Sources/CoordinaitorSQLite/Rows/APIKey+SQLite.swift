import CoordinaitorDomain
import SQLiteNIO

extension APIKey {
    static let sqliteTable = SQLiteTable(
        name: "api_keys",
        keyColumns: ["organization_id", "id"],
        valueColumns: [
            "name", "prefix", "secret_hash", "scopes", "created_by", "created_at", "expires_at", "last_used_at", "revoked_at",
        ]
    )

    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = SQLiteRowReader(row, table: Self.sqliteTable.name)
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

    /// Values in ``SQLiteTable/columns`` order.
    func sqliteValues() -> [SQLiteData] {
        [
            .id(self.organizationID), .id(self.id), .text(self.name), .text(self.prefix), .text(self.secretHash),
            .text(self.storedScopes), .id(self.createdBy), .date(self.createdAt), .date(self.expiresAt),
            .date(self.lastUsedAt), .date(self.revokedAt),
        ]
    }

    /// Scopes are stored as their sorted names joined by commas (`read,write`): one canonical spelling per set, which
    /// the column's CHECK constraint enumerates.
    var storedScopes: String { self.scopes.sorted().map(\.rawValue).joined(separator: ",") }

    private static func scopes(fromStored text: String) throws -> Set<APIKeyScope> {
        var scopes: Set<APIKeyScope> = []
        for name in text.split(separator: ",") {
            guard let scope = APIKeyScope(rawValue: String(name)) else {
                throw SQLiteStoredValueError(table: Self.sqliteTable.name, column: "scopes", reason: "unknown scope '\(name)'")
            }
            scopes.insert(scope)
        }
        return scopes
    }
}
