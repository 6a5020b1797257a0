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

    init(sqliteRow row: SQLiteRow) throws {
        let reader = SQLiteRowReader(row, table: Self.sqliteTable.name)
        self.init(
            id: try reader.id("id"),
            organizationID: try reader.id("organization_id"),
            title: try reader.string("title"),
            description: try reader.optionalString("description"),
            type: try reader.string("type"),
            status: try reader.value("status"),
            priority: try reader.value("priority"),
            projectID: try reader.optionalID("project_id"),
            assignedAgentID: try reader.optionalID("assigned_agent_id"),
            input: try reader.optionalJSON("input"),
            output: try reader.optionalJSON("output"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at"),
            startedAt: try reader.optionalDate("started_at"),
            completedAt: try reader.optionalDate("completed_at")
        )
    }

    /// Values in ``SQLiteTable/columns`` order; `stored_bytes` is ``WorkTask/storageBytes``, what the task is charged.
    func sqliteValues() throws -> [SQLiteData] {
        [
            .id(self.organizationID), .id(self.id), .text(self.title), .text(self.description), .text(self.type),
            .raw(self.status), .raw(self.priority), .id(self.projectID), .id(self.assignedAgentID),
            try .optionalJSON(self.input), try .optionalJSON(self.output), .date(self.createdAt), .date(self.updatedAt),
            .date(self.startedAt), .date(self.completedAt), .integer(SQLiteInt64(self.storageBytes)),
        ]
    }
}
