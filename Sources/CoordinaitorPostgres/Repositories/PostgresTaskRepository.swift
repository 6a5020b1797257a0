import CoordinaitorDomain
import Foundation
import PostgresNIO

struct PostgresTaskRepository: TaskRepository, TaskListVersionSource {
    let database: PostgresDatabase

    func list(in scope: TenantScope, filter: TaskFilter, page: PageRequest) async throws -> Page<WorkTask> {
        let cursor = try PostgresPage.cursor(page)
        let organizationID = scope.organizationID.uuid
        let limit = PostgresPage.fetchLimit(page)
        let rows: [PostgresRow]
        switch (filter == TaskFilter(), cursor) {
        case (true, nil):
            let statement = PostgresTaskPageStatements.First(organizationID: organizationID, limit: limit)
            rows = try await self.database.rows(statement, orAdHoc: Self.filteredPage(in: scope, filter: filter, after: cursor, limit: limit))
        case (true, let cursor?):
            let statement = PostgresTaskPageStatements.After(organizationID: organizationID, cursor: cursor, limit: limit)
            rows = try await self.database.rows(statement, orAdHoc: Self.filteredPage(in: scope, filter: filter, after: cursor, limit: limit))
        case (false, _):
            rows = try await self.database.rows(Self.filteredPage(in: scope, filter: filter, after: cursor, limit: limit))
        }
        return try PostgresPage.page(rows, for: page, decode: WorkTask.init(postgresRow:), cursor: \.id.description)
    }

    /// A page with any filters, as an ad-hoc query: their combinations are many, and the unfiltered page (prepared)
    /// is the common one.
    private static func filteredPage(in scope: TenantScope, filter: TaskFilter, after cursor: UUID?, limit: Int) -> PostgresQuery {
        let status = filter.status?.rawValue
        let priority = filter.priority?.rawValue
        let projectID = filter.projectID?.uuid
        let agentID = filter.assignedAgentID?.uuid
        return """
            SELECT \(unescaped: PostgresColumns.task) FROM tasks
            WHERE organization_id = \(scope.organizationID.uuid)
              AND (\(status)::text IS NULL OR status = \(status))
              AND (\(priority)::text IS NULL OR priority = \(priority))
              AND (\(filter.type)::text IS NULL OR type = \(filter.type))
              AND (\(projectID)::uuid IS NULL OR project_id = \(projectID))
              AND (\(agentID)::uuid IS NULL OR assigned_agent_id = \(agentID))
              AND (\(cursor)::uuid IS NULL OR id < \(cursor))
            ORDER BY id DESC
            LIMIT \(limit)
            """
    }

    /// The organization's task-list version (kept by triggers, migration 7); 0 before its tasks first change.
    func taskListVersion(in scope: TenantScope) async throws -> Int64 {
        let statement = PostgresTaskListVersionStatement(organizationID: scope.organizationID.uuid)
        let rows = try await self.database.rows(
            statement,
            orAdHoc: "SELECT version FROM task_list_versions WHERE organization_id = \(scope.organizationID.uuid)")
        return try rows.first?.decode(Int64.self) ?? 0
    }

    func find(in scope: TenantScope, id: TaskID) async throws -> WorkTask? {
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.task) FROM tasks
            WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
            """
        )
        return try rows.first.map(WorkTask.init(postgresRow:))
    }

    func create(in scope: TenantScope, _ task: WorkTask, limits: UsageLimits) async throws -> WorkTask {
        try await self.create(in: scope, [task], limits: limits)
        return task
    }

    func create(in scope: TenantScope, _ tasks: [WorkTask], limits: UsageLimits) async throws {
        for task in tasks { try ScopeMismatchError.check(task.organizationID, in: scope) }
        let inserts = try tasks.map(Self.insert)
        let references = tasks.distinctReferences
        let logger = self.database.logger
        try await PostgresConstraintViolation.mapping(resource: "task") {
            try await self.database.transaction { connection in
                for projectID in references.projects {
                    try await Self.checkReferences(projectID: projectID, agentID: nil, in: scope, on: connection, logger: logger)
                }
                for agentID in references.agents {
                    try await Self.checkReferences(projectID: nil, agentID: agentID, in: scope, on: connection, logger: logger)
                }
                for insert in inserts { _ = try await connection.rows(insert, logger: logger) }
                try await PostgresUsageLedger.apply(tasks.creationCharges, limits: limits, in: scope, on: connection, logger: logger)
            }
        }
    }

    private static func insert(_ t: WorkTask) throws -> PostgresQuery {
        let input = t.inputJSON?.text
        let output = t.outputJSON?.text
        return """
            INSERT INTO tasks (
                organization_id, id, title, description, type, status, priority, project_id, assigned_agent_id,
                input, output, created_at, updated_at, started_at, completed_at, stored_bytes
            ) VALUES (
                \(t.organizationID.uuid), \(t.id.uuid), \(t.title), \(t.description), \(t.type),
                \(t.status.rawValue), \(t.priority.rawValue), \(t.projectID?.uuid), \(t.assignedAgentID?.uuid),
                \(input)::jsonb, \(output)::jsonb, \(MillisecondTimestamp(t.createdAt)),
                \(MillisecondTimestamp(t.updatedAt)), \(t.startedAt.map(MillisecondTimestamp.init)),
                \(t.completedAt.map(MillisecondTimestamp.init)), \(t.storageBytes)
            )
            """
    }

    func update(
        in scope: TenantScope,
        id: TaskID,
        limits: UsageLimits,
        _ change: @Sendable (WorkTask) throws -> WorkTask
    ) async throws -> WorkTask {
        let logger = self.database.logger
        return try await PostgresConstraintViolation.mapping(resource: "task") {
            try await self.database.transaction { connection in
                let rows = try await connection.rows(
                    """
                    SELECT \(unescaped: PostgresColumns.task) FROM tasks
                    WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
                    FOR UPDATE
                    """,
                    logger: logger
                )
                guard let row = rows.first else { throw ResourceError.notFound("task") }
                let current = try WorkTask(postgresRow: row)
                var storedBytesReader = PostgresRowReader(row, table: "tasks")
                let storedBytes = try storedBytesReader.int64("stored_bytes")
                let t = try change(current)
                try PostgresTenantRows.checkIdentity(id: t.id, organizationID: t.organizationID, expected: id, in: scope)
                try await Self.checkReferences(
                    projectID: t.projectID == current.projectID ? nil : t.projectID,
                    agentID: t.assignedAgentID == current.assignedAgentID ? nil : t.assignedAgentID,
                    in: scope,
                    on: connection,
                    logger: logger
                )
                let input = t.inputJSON?.text
                let output = t.outputJSON?.text
                _ = try await connection.rows(
                    """
                    UPDATE tasks SET
                        title = \(t.title), description = \(t.description), type = \(t.type),
                        status = \(t.status.rawValue), priority = \(t.priority.rawValue),
                        project_id = \(t.projectID?.uuid), assigned_agent_id = \(t.assignedAgentID?.uuid),
                        input = \(input)::jsonb, output = \(output)::jsonb,
                        created_at = \(MillisecondTimestamp(t.createdAt)), updated_at = \(MillisecondTimestamp(t.updatedAt)),
                        started_at = \(t.startedAt.map(MillisecondTimestamp.init)),
                        completed_at = \(t.completedAt.map(MillisecondTimestamp.init)), stored_bytes = \(t.storageBytes)
                    WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
                    """,
                    logger: logger
                )
                let charges = PostgresTaskStorage.charges(from: current, storedBytes: storedBytes, to: t)
                try await PostgresUsageLedger.apply(charges, limits: limits, in: scope, on: connection, logger: logger)
                return t
            }
        }
    }

    func delete(in scope: TenantScope, id: TaskID, limits: UsageLimits) async throws {
        let logger = self.database.logger
        let organizationID = scope.organizationID.uuid
        try await self.database.transaction { connection in
            let tasks = try await connection.rows(
                "SELECT stored_bytes FROM tasks WHERE organization_id = \(organizationID) AND id = \(id.uuid) FOR UPDATE",
                logger: logger
            )
            guard let task = tasks.first else { throw ResourceError.notFound("task") }
            // Locking the artifacts waits for a concurrent artifact delete, which then is not released twice.
            let artifacts = try await connection.rows(
                "SELECT size FROM task_artifacts WHERE organization_id = \(organizationID) AND task_id = \(id.uuid) FOR UPDATE",
                logger: logger
            )
            var bytes = try task.decode(Int64.self)
            for artifact in artifacts { bytes += try artifact.decode(Int64.self) }
            _ = try await connection.rows(
                "DELETE FROM task_artifacts WHERE organization_id = \(organizationID) AND task_id = \(id.uuid)",
                logger: logger
            )
            _ = try await connection.rows("DELETE FROM tasks WHERE organization_id = \(organizationID) AND id = \(id.uuid)", logger: logger)
            try await PostgresUsageLedger.apply([UsageCharge(.storageBytes, -bytes)], limits: limits, in: scope, on: connection, logger: logger)
        }
    }

    /// Reports a reference to a project or agent that is not in scope as `notFound` naming the request field.
    /// `FOR KEY SHARE` keeps the referenced row from being deleted before this transaction commits.
    private static func checkReferences(
        projectID: ProjectID?,
        agentID: AgentID?,
        in scope: TenantScope,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        let organizationID = scope.organizationID.uuid
        if let projectID {
            let rows = try await connection.rows(
                "SELECT 1 FROM projects WHERE organization_id = \(organizationID) AND id = \(projectID.uuid) FOR KEY SHARE",
                logger: logger
            )
            if rows.isEmpty { throw ResourceError.notFound("project", field: "projectId") }
        }
        if let agentID {
            let rows = try await connection.rows(
                "SELECT 1 FROM agents WHERE organization_id = \(organizationID) AND id = \(agentID.uuid) FOR KEY SHARE",
                logger: logger
            )
            if rows.isEmpty { throw ResourceError.notFound("agent", field: "assignedAgentId") }
        }
    }
}
