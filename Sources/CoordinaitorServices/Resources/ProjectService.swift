import CoordinaitorDomain

/// Projects of one organization at a time: every call takes the tenant scope.
package struct ProjectService: Sendable {
    private let projects: any ProjectRepository
    private let time: any TimeSource
    private let ids: any IdentifierSource
    private let gate: UsageGate
    private let audit: AuditTrail

    package init(projects: any ProjectRepository, time: any TimeSource, ids: any IdentifierSource, gate: UsageGate, audit: AuditTrail) {
        self.audit = audit
        self.projects = projects
        self.time = time
        self.ids = ids
        self.gate = gate
    }

    package func list(in scope: TenantScope, filter: ProjectFilter, page: PageRequest) async throws -> Page<Project> {
        try await self.projects.list(in: scope, filter: filter, page: page)
    }

    package func get(in scope: TenantScope, id: ProjectID) async throws -> Project {
        guard let project = try await self.projects.find(in: scope, id: id) else { throw ResourceError.notFound(ProjectKind.resourceName) }
        return project
    }

    /// Creates the project if the organization has a project slot left (``LimitExceededError`` otherwise).
    package func create(in organization: Organization, _ draft: NewProject) async throws -> Project {
        let scope = TenantScope(organization)
        let now = self.time.now()
        let project = try draft.project(id: self.ids.make(ProjectKind.self, at: now), in: scope, at: now)
        let created = try await self.gate.charging(organization) { try await self.projects.create(in: scope, project, limits: $0) }
        self.audit.record(.projectCreated, in: organization.id, target: AuditTarget(created.id))
        return created
    }

    package func update(in scope: TenantScope, id: ProjectID, _ patch: ProjectPatch) async throws -> Project {
        let now = self.time.now()
        let updated = try await self.projects.update(in: scope, id: id) { try patch.applied(to: $0, at: now) }
        self.audit.record(.projectUpdated, in: scope.organizationID, target: AuditTarget(id))
        return updated
    }

    /// Deletes the project, freeing its slot.
    package func delete(in scope: TenantScope, id: ProjectID) async throws {
        try await self.gate.releasing(scope.organizationID) { try await self.projects.delete(in: scope, id: id, limits: $0) }
        self.audit.record(.projectDeleted, in: scope.organizationID, target: AuditTarget(id))
    }
}
