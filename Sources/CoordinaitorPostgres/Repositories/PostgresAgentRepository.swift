import CoordinaitorDomain
import PostgresNIO

struct PostgresAgentRepository: AgentRepository {
    let database: PostgresDatabase

    func list(in scope: TenantScope, filter: AgentFilter, page: PageRequest) async throws -> Page<Agent> {
        let cursor = try PostgresPage.cursor(page)
        let status = filter.status?.rawValue
        let provider = filter.provider?.rawValue
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.agent) FROM agents
            WHERE organization_id = \(scope.organizationID.uuid)
              AND (\(status)::text IS NULL OR status = \(status))
              AND (\(provider)::text IS NULL OR provider = \(provider))
              AND (\(cursor)::uuid IS NULL OR id < \(cursor))
            ORDER BY id DESC
            LIMIT \(PostgresPage.fetchLimit(page))
            """
        )
        return try PostgresPage.page(rows, for: page, decode: Agent.init(postgresRow:), cursor: \.id.description)
    }

    func find(in scope: TenantScope, id: AgentID) async throws -> Agent? {
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.agent) FROM agents
            WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
            """
        )
        return try rows.first.map(Agent.init(postgresRow:))
    }

    func create(in scope: TenantScope, _ agent: Agent, limits: UsageLimits) async throws -> Agent {
        try ScopeMismatchError.check(agent.organizationID, in: scope)
        let a = agent
        let capabilities = try PostgresJSON.text(a.capabilities)
        let logger = self.database.logger
        try await PostgresConstraintViolation.mapping(resource: "agent") {
            try await self.database.transaction { connection in
                _ = try await connection.rows(
                    """
                    INSERT INTO agents (
                        organization_id, id, name, provider, capabilities, status, max_concurrent_tasks, created_at, updated_at
                    ) VALUES (
                        \(a.organizationID.uuid), \(a.id.uuid), \(a.name), \(a.provider.rawValue), \(capabilities)::jsonb,
                        \(a.status.rawValue), \(a.maxConcurrentTasks), \(MillisecondTimestamp(a.createdAt)),
                        \(MillisecondTimestamp(a.updatedAt))
                    )
                    """,
                    logger: logger
                )
                try await PostgresUsageLedger.apply([UsageCharge(.agents, 1)], limits: limits, in: scope, on: connection, logger: logger)
            }
        }
        return agent
    }

    func update(in scope: TenantScope, id: AgentID, _ change: @Sendable (Agent) throws -> Agent) async throws -> Agent {
        let logger = self.database.logger
        return try await PostgresConstraintViolation.mapping(resource: "agent") {
            try await self.database.transaction { connection in
                let rows = try await connection.rows(
                    """
                    SELECT \(unescaped: PostgresColumns.agent) FROM agents
                    WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
                    FOR UPDATE
                    """,
                    logger: logger
                )
                guard let row = rows.first else { throw ResourceError.notFound("agent") }
                let a = try change(try Agent(postgresRow: row))
                try PostgresTenantRows.checkIdentity(id: a.id, organizationID: a.organizationID, expected: id, in: scope)
                let capabilities = try PostgresJSON.text(a.capabilities)
                _ = try await connection.rows(
                    """
                    UPDATE agents SET
                        name = \(a.name), provider = \(a.provider.rawValue), capabilities = \(capabilities)::jsonb,
                        status = \(a.status.rawValue), max_concurrent_tasks = \(a.maxConcurrentTasks),
                        created_at = \(MillisecondTimestamp(a.createdAt)), updated_at = \(MillisecondTimestamp(a.updatedAt))
                    WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
                    """,
                    logger: logger
                )
                return a
            }
        }
    }

    func delete(in scope: TenantScope, id: AgentID, limits: UsageLimits) async throws {
        let logger = self.database.logger
        let organizationID = scope.organizationID.uuid
        try await self.database.transaction { connection in
            try await PostgresTenantRows.lockForDelete(
                "SELECT 1 FROM agents WHERE organization_id = \(organizationID) AND id = \(id.uuid) FOR UPDATE",
                resource: "agent",
                on: connection,
                logger: logger
            )
            // Work assigned to the agent is handed back: `assigned` tasks become `pending` again, others just lose the agent.
            _ = try await connection.rows(
                """
                UPDATE tasks
                SET assigned_agent_id = NULL,
                    status = CASE WHEN status = 'assigned' THEN 'pending' ELSE status END
                WHERE organization_id = \(organizationID) AND assigned_agent_id = \(id.uuid)
                """,
                logger: logger
            )
            _ = try await connection.rows(
                "DELETE FROM agents WHERE organization_id = \(organizationID) AND id = \(id.uuid)",
                logger: logger
            )
            try await PostgresUsageLedger.apply([UsageCharge(.agents, -1)], limits: limits, in: scope, on: connection, logger: logger)
        }
    }
}
