import CoordinaitorDomain

/// Two organizations, each with a project, an agent and a task that references both.
struct TwoTenants {
    struct Tenant {
        var organization: Organization
        var scope: TenantScope
        var project: Project
        var agent: Agent
        var task: WorkTask
    }

    var acme: Tenant
    var globex: Tenant

    static func make(in store: any DataStore) async throws -> TwoTenants {
        TwoTenants(acme: try await self.tenant("acme", in: store), globex: try await self.tenant("globex", in: store))
    }

    private static func tenant(_ slug: String, in store: any DataStore) async throws -> Tenant {
        let organization = try await store.organizations.create(ContractFixtures.organization(slug))
        let scope = TenantScope(organization)
        // The same names in both organizations: uniqueness is per organization.
        let project = try await store.projects.create(in: scope, ContractFixtures.project("website", in: organization))
        let agent = try await store.agents.create(in: scope, ContractFixtures.agent("reviewer", in: organization))
        let task = try await store.tasks.create(
            in: scope,
            ContractFixtures.task("review", in: organization, status: .assigned, project: project, agent: agent)
        )
        return Tenant(organization: organization, scope: scope, project: project, agent: agent, task: task)
    }
}
