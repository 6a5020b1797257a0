import CoordinaitorDomain
import SQLiteNIO

extension Project {
    static let sqliteTable = SQLiteTable(
        name: "projects",
        keyColumns: ["organization_id", "id"],
        valueColumns: ["name", "description", "status", "created_at", "updated_at"]
    )

    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = SQLiteRowReader(row, table: Self.sqliteTable.name)
        self.init(
            id: try reader.id("id"),
            organizationID: try reader.id("organization_id"),
            name: try reader.string("name"),
            description: try reader.optionalString("description"),
            status: try reader.value("status"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at")
        )
    }

    /// Values in ``SQLiteTable/columns`` order.
    func sqliteValues() -> [SQLiteData] {
        [
            .id(self.organizationID), .id(self.id), .text(self.name), .text(self.description), .raw(self.status),
            .date(self.createdAt), .date(self.updatedAt),
        ]
    }
}
