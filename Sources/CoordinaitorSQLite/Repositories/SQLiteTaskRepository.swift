import CoordinaitorDomain
import SQLiteNIO

struct SQLiteTaskRepository: TaskRepository {
    private static let table = WorkTask.sqliteTable
    let connections: SQLiteConnections

    func list(in scope: TenantScope, filter: TaskFilter, page: PageRequest) async throws -> Page<WorkTask> {
        var query = SQLiteListQuery(Self.table)
        query.filter("organization_id", equals: .id(scope.organizationID))
        query.filter("status", equals: filter.status.map { .raw($0) })
        query.filter("priority", equals: filter.priority.map { .raw($0) })
        query.filter("type", equals: filter.type.map { .text($0) })
        query.filter("project_id", equals: filter.projectID.map { .id($0) })
        query.filter("assigned_agent_id", equals: filter.assignedAgentID.map { .id($0) })
        return try await query.fetch(page, on: self.connections, decode: WorkTask.init(sqliteRow:), cursor: \.id.description)
    }

    func find(in scope: TenantScope, id: TaskID) async throws -> WorkTask? {
        let rows = try await self.connections.read { try $0.query(Self.table.findSQL, [.id(scope.organizationID), .id(id)]) }
        return try rows.first.map(WorkTask.init(sqliteRow:))
    }

    func create(in scope: TenantScope, _ task: WorkTask, limits: UsageLimits) async throws -> WorkTask {
        try await self.create(in: scope, [task], limits: limits)
        return task
    }

    func create(in scope: TenantScope, _ tasks: [WorkTask], limits: UsageLimits) async throws {
        for task in tasks { try ScopeMismatchError.check(task.organizationID, in: scope) }
        let rows = try tasks.map { try $0.sqliteValues() }
        let references = tasks.distinctReferences
        try await SQLiteConstraintViolation.mapConflicts(resource: "task") {
            // Only database work and the usage receipt (recorded again if it runs again): safe to group.
            try await self.connections.groupedWrite { transaction in
                for projectID in references.projects { try Self.checkReferences(projectID: projectID, agentID: nil, in: scope, transaction: transaction) }
                for agentID in references.agents { try Self.checkReferences(projectID: nil, agentID: agentID, in: scope, transaction: transaction) }
                for values in rows { try transaction.query(Self.table.insertSQL, values) }
                try SQLiteUsageLedger.apply(tasks.creationCharges, limits: limits, in: scope, transaction: transaction)
            }
        }
    }

    func update(
        in scope: TenantScope,
        id: TaskID,
        limits: UsageLimits,
        _ change: @Sendable (WorkTask) throws -> WorkTask
    ) async throws -> WorkTask {
        try await SQLiteConstraintViolation.mapConflicts(resource: "task") {
            try await self.connections.write { transaction in
                guard let row = try SQLiteTenantRows.find(in: Self.table, scope: scope, id: id, transaction: transaction) else {
                    throw ResourceError.notFound("task")
                }
                let current = try WorkTask(sqliteRow: row)
                let storedBytes = Int64(try SQLiteRowReader(row, table: Self.table.name).int("stored_bytes"))
                let updated = try change(current)
                try SQLiteTenantRows.checkIdentity(id: updated.id, organizationID: updated.organizationID, expected: id, in: scope)
                try Self.checkReferences(
                    projectID: updated.projectID == current.projectID ? nil : updated.projectID,
                    agentID: updated.assignedAgentID == current.assignedAgentID ? nil : updated.assignedAgentID,
                    in: scope,
                    transaction: transaction
                )
                try transaction.query(Self.table.updateSQL, Self.table.updateBinds(from: updated.sqliteValues()))
                let charges = SQLiteTaskStorage.charges(from: current, storedBytes: storedBytes, to: updated)
                try SQLiteUsageLedger.apply(charges, limits: limits, in: scope, transaction: transaction)
                return updated
            }
        }
    }

    func delete(in scope: TenantScope, id: TaskID, limits: UsageLimits) async throws {
        // What the task and its artifacts were charged, read in the transaction that deletes them.
        let storedSQL = """
            SELECT stored_bytes + COALESCE((
                SELECT SUM(size) FROM task_artifacts WHERE organization_id = tasks.organization_id AND task_id = tasks.id
            ), 0) AS bytes
            FROM tasks WHERE organization_id = ? AND id = ?
            """
        try await self.connections.write { transaction in
            guard let row = try transaction.query(storedSQL, [.id(scope.organizationID), .id(id)]).first else {
                throw ResourceError.notFound("task")
            }
            let bytes = Int64(try SQLiteRowReader(row, table: Self.table.name).int("bytes"))
            try transaction.query("DELETE FROM task_artifacts WHERE organization_id = ? AND task_id = ?", [.id(scope.organizationID), .id(id)])
            try SQLiteTenantRows.delete(from: Self.table, scope: scope, id: id, transaction: transaction)
            try SQLiteUsageLedger.apply([UsageCharge(.storageBytes, -bytes)], limits: limits, in: scope, transaction: transaction)
        }
    }

    /// Reports a reference to a project or agent that is not in scope as `notFound` naming the request field.
    /// The composite foreign keys would reject it too, but without saying which field was wrong.
    private static func checkReferences(
        projectID: ProjectID?,
        agentID: AgentID?,
        in scope: TenantScope,
        transaction: SQLiteTransaction
    ) throws {
        if let projectID, try !SQLiteTenantRows.exists(in: Project.sqliteTable, scope: scope, id: projectID, transaction: transaction) {
            throw ResourceError.notFound("project", field: "projectId")
        }
        if let agentID, try !SQLiteTenantRows.exists(in: Agent.sqliteTable, scope: scope, id: agentID, transaction: transaction) {
            throw ResourceError.notFound("agent", field: "assignedAgentId")
        }
    }
}
