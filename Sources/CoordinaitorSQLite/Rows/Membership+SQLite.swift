import CoordinaitorDomain
import SQLiteNIO

extension Membership {
    static let sqliteTable = SQLiteTable(
        name: "memberships",
        keyColumns: ["organization_id", "user_id"],
        valueColumns: ["role", "created_at", "updated_at"]
    )

    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = SQLiteRowReader(row, table: Self.sqliteTable.name)
        self.init(
            organizationID: try reader.id("organization_id"),
            userID: try reader.id("user_id"),
            role: try reader.value("role"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at")
        )
    }

    /// Values in ``SQLiteTable/columns`` order.
    func sqliteValues() -> [SQLiteData] {
        [.id(self.organizationID), .id(self.userID), .raw(self.role), .date(self.createdAt), .date(self.updatedAt)]
    }
}
