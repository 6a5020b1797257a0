import CoordinaitorDomain
import SQLiteNIO

extension Invitation {
    static let sqliteTable = SQLiteTable(
        name: "invitations",
        keyColumns: ["organization_id", "id"],
        valueColumns: ["email", "role", "token_hash", "invited_by", "created_at", "expires_at", "accepted_at", "revoked_at"]
    )

    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = SQLiteRowReader(row, table: Self.sqliteTable.name)
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

    /// Values in ``SQLiteTable/columns`` order.
    func sqliteValues() -> [SQLiteData] {
        [
            .id(self.organizationID), .id(self.id), .text(self.email), .raw(self.role), .text(self.tokenHash),
            .id(self.invitedBy), .date(self.createdAt), .date(self.expiresAt), .date(self.acceptedAt), .date(self.revokedAt),
        ]
    }
}
