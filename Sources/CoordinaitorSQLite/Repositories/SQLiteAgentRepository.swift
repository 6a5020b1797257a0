import CoordinaitorDomain
import SQLiteNIO

struct SQLiteAgentRepository: AgentRepository {
    private static let table = Agent.sqliteTable
    let connections: SQLiteConnections

    func list(in scope: TenantScope, filter: AgentFilter, page: PageRequest) async throws -> Page<Agent> {
        var query = SQLiteListQuery(Self.table)
        query.filter("organization_id", equals: .id(scope.organizationID))
        query.filter("status", equals: filter.status.map { .raw($0) })
        query.filter("provider", equals: filter.provider.map { .raw($0) })
        return try await query.fetch(page, on: self.connections, decode: Agent.init(sqliteRow:), cursor: \.id.description)
    }

    func find(in scope: TenantScope, id: AgentID) async throws -> Agent? {
        let rows = try await self.connections.read { try $0.query(Self.table.findSQL, [.id(scope.organizationID), .id(id)]) }
        return try rows.first.map(Agent.init(sqliteRow:))
    }

    func create(in scope: TenantScope, _ agent: Agent, limits: UsageLimits) async throws -> Agent {
        try ScopeMismatchError.check(agent.organizationID, in: scope)
        let values = try agent.sqliteValues()
        try await SQLiteConstraintViolation.mapConflicts(resource: "agent") {
            try await self.connections.write { transaction in
                try transaction.query(Self.table.insertSQL, values)
                try SQLiteUsageLedger.apply([UsageCharge(.agents, 1)], limits: limits, in: scope, transaction: transaction)
            }
        }
        return agent
    }

    func update(in scope: TenantScope, id: AgentID, _ change: @Sendable (Agent) throws -> Agent) async throws -> Agent {
        try await SQLiteConstraintViolation.mapConflicts(resource: "agent") {
            try await self.connections.write { transaction in
                guard let row = try SQLiteTenantRows.find(in: Self.table, scope: scope, id: id, transaction: transaction) else {
                    throw ResourceError.notFound("agent")
                }
                let updated = try change(try Agent(sqliteRow: row))
                try SQLiteTenantRows.checkIdentity(id: updated.id, organizationID: updated.organizationID, expected: id, in: scope)
                try transaction.query(Self.table.updateSQL, Self.table.updateBinds(from: updated.sqliteValues()))
                return updated
            }
        }
    }

    func delete(in scope: TenantScope, id: AgentID, limits: UsageLimits) async throws {
        try await self.connections.write { transaction in
            // Work assigned to the agent is handed back: `assigned` tasks become `pending` again, others just lose the agent.
            try transaction.query(
                """
                UPDATE tasks
                SET assigned_agent_id = NULL,
                    status = CASE WHEN status = 'assigned' THEN 'pending' ELSE status END
                WHERE organization_id = ? AND assigned_agent_id = ?
                """,
                [.id(scope.organizationID), .id(id)]
            )
            try SQLiteTenantRows.delete(from: Self.table, scope: scope, id: id, transaction: transaction)
            try SQLiteUsageLedger.apply([UsageCharge(.agents, -1)], limits: limits, in: scope, transaction: transaction)
        }
    }
}
