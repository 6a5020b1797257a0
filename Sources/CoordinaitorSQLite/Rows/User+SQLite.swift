import CoordinaitorDomain
import SQLiteNIO

extension User {
    static let sqliteTable = SQLiteTable(
        name: "users",
        keyColumns: ["id"],
        valueColumns: ["email", "name", "password_hash", "status", "is_super_admin", "created_at", "updated_at"]
    )

    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = SQLiteRowReader(row, table: Self.sqliteTable.name)
        self.init(
            id: try reader.id("id"),
            email: try reader.string("email"),
            name: try reader.string("name"),
            passwordHash: try reader.string("password_hash"),
            status: try reader.value("status"),
            isSuperAdmin: try reader.bool("is_super_admin"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at")
        )
    }

    /// Values in ``SQLiteTable/columns`` order.
    func sqliteValues() -> [SQLiteData] {
        [
            .id(self.id), .text(self.email), .text(self.name), .text(self.passwordHash), .raw(self.status),
            .bool(self.isSuperAdmin), .date(self.createdAt), .date(self.updatedAt),
        ]
    }
}
