import CoordinaitorDomain

/// Agents of one organization at a time: every call takes the tenant scope.
package struct AgentService: Sendable {
    private let agents: any AgentRepository
    private let time: any TimeSource
    private let ids: any IdentifierSource
    private let gate: UsageGate
    private let audit: AuditTrail

    package init(agents: any AgentRepository, time: any TimeSource, ids: any IdentifierSource, gate: UsageGate, audit: AuditTrail) {
        self.audit = audit
        self.agents = agents
        self.time = time
        self.ids = ids
        self.gate = gate
    }

    package func list(in scope: TenantScope, filter: AgentFilter, page: PageRequest) async throws -> Page<Agent> {
        try await self.agents.list(in: scope, filter: filter, page: page)
    }

    package func get(in scope: TenantScope, id: AgentID) async throws -> Agent {
        guard let agent = try await self.agents.find(in: scope, id: id) else { throw ResourceError.notFound(AgentKind.resourceName) }
        return agent
    }

    /// Creates the agent if the organization has an agent slot left (``LimitExceededError`` otherwise).
    package func create(in organization: Organization, _ draft: NewAgent) async throws -> Agent {
        let scope = TenantScope(organization)
        let now = self.time.now()
        let agent = try draft.agent(id: self.ids.make(AgentKind.self, at: now), in: scope, at: now)
        let created = try await self.gate.charging(organization) { try await self.agents.create(in: scope, agent, limits: $0) }
        self.audit.record(.agentCreated, in: organization.id, target: AuditTarget(created.id))
        return created
    }

    package func update(in scope: TenantScope, id: AgentID, _ patch: AgentPatch) async throws -> Agent {
        let now = self.time.now()
        let updated = try await self.agents.update(in: scope, id: id) { try patch.applied(to: $0, at: now) }
        self.audit.record(.agentUpdated, in: scope.organizationID, target: AuditTarget(id))
        return updated
    }

    /// Deletes the agent, freeing its slot.
    package func delete(in scope: TenantScope, id: AgentID) async throws {
        try await self.gate.releasing(scope.organizationID) { try await self.agents.delete(in: scope, id: id, limits: $0) }
        self.audit.record(.agentDeleted, in: scope.organizationID, target: AuditTarget(id))
    }
}
