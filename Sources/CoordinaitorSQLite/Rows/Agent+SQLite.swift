import CoordinaitorDomain
import SQLiteNIO

extension Agent {
    static let sqliteTable = SQLiteTable(
        name: "agents",
        keyColumns: ["organization_id", "id"],
        valueColumns: ["name", "provider", "capabilities", "status", "max_concurrent_tasks", "created_at", "updated_at"]
    )

    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = SQLiteRowReader(row, table: Self.sqliteTable.name)
        self.init(
            id: try reader.id("id"),
            organizationID: try reader.id("organization_id"),
            name: try reader.string("name"),
            provider: try reader.value("provider"),
            capabilities: try reader.json("capabilities"),
            status: try reader.value("status"),
            maxConcurrentTasks: try reader.int("max_concurrent_tasks"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at")
        )
    }

    /// Values in ``SQLiteTable/columns`` order.
    func sqliteValues() throws -> [SQLiteData] {
        [
            .id(self.organizationID), .id(self.id), .text(self.name), .raw(self.provider), try .json(self.capabilities),
            .raw(self.status), .integer(SQLiteInt64(self.maxConcurrentTasks)), .date(self.createdAt), .date(self.updatedAt),
        ]
    }
}
