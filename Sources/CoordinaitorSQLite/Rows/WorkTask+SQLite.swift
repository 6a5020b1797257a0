import CoordinaitorDomain
import SQLiteNIO

extension WorkTask {
    static let sqliteTable = SQLiteTable(
        name: "tasks",
        keyColumns: ["organization_id", "id"],
        valueColumns: [
            "title", "description", "type", "status", "priority", "project_id", "assigned_agent_id", "input", "output",
            "created_at", "updated_at", "started_at", "completed_at", "stored_bytes",
        ]
    )

    /// Reads the columns by position (the select list is ``sqliteTable``'s column list): a row of a list is decoded
    /// for every item of every page, and a lookup by name hashes each column's name.
    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = try SQLiteColumnReader(row, table: Self.sqliteTable)
        self.init(
            id: try reader.id(1),
            organizationID: try reader.id(0),
            title: try reader.string(2),
            description: try reader.optionalString(3),
            type: try reader.string(4),
            status: try reader.value(5),
            priority: try reader.value(6),
            projectID: try reader.optionalID(7),
            assignedAgentID: try reader.optionalID(8),
            inputJSON: try reader.optionalJSON(9),
            outputJSON: try reader.optionalJSON(10),
            createdAt: try reader.date(11),
            updatedAt: try reader.date(12),
            startedAt: try reader.optionalDate(13),
            completedAt: try reader.optionalDate(14)
        )
    }

    /// Values in ``SQLiteTable/columns`` order; `stored_bytes` is ``WorkTask/storageBytes``, what the task is charged.
    func sqliteValues() throws -> [SQLiteData] {
        [
            .id(self.organizationID), .id(self.id), .text(self.title), .text(self.description), .text(self.type),
            .raw(self.status), .raw(self.priority), .id(self.projectID), .id(self.assignedAgentID),
            .text(self.inputJSON?.text), .text(self.outputJSON?.text), .date(self.createdAt), .date(self.updatedAt),
            .date(self.startedAt), .date(self.completedAt), .integer(SQLiteInt64(self.storageBytes)),
        ]
    }
}
