import CoordinaitorDomain

/// Agents of one organization at a time: every call takes the tenant scope.
package struct AgentService: Sendable {
    private let agents: any AgentRepository
    private let time: any TimeSource
    private let ids: any IdentifierSource

    package init(agents: any AgentRepository, time: any TimeSource, ids: any IdentifierSource) {
        self.agents = agents
        self.time = time
        self.ids = ids
    }

    package func list(in scope: TenantScope, filter: AgentFilter, page: PageRequest) async throws -> Page<Agent> {
        try await self.agents.list(in: scope, filter: filter, page: page)
    }

    package func get(in scope: TenantScope, id: AgentID) async throws -> Agent {
        guard let agent = try await self.agents.find(in: scope, id: id) else { throw ResourceError.notFound(AgentKind.resourceName) }
        return agent
    }

    package func create(in scope: TenantScope, _ draft: NewAgent) async throws -> Agent {
        let now = self.time.now()
        let agent = try draft.agent(id: self.ids.make(AgentKind.self, at: now), in: scope, at: now)
        return try await self.agents.create(in: scope, agent)
    }

    package func update(in scope: TenantScope, id: AgentID, _ patch: AgentPatch) async throws -> Agent {
        let now = self.time.now()
        return try await self.agents.update(in: scope, id: id) { try patch.applied(to: $0, at: now) }
    }

    package func delete(in scope: TenantScope, id: AgentID) async throws {
        try await self.agents.delete(in: scope, id: id)
    }
}
