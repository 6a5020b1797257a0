import CoordinaitorDomain

/// The services the HTTP layer and the CLI work with, built over one ``DataStore``.
package struct CoreServices: Sendable {
    package let store: any DataStore
    package let tenants: TenantDirectory
    package let organizations: OrganizationService
    package let projects: ProjectService
    package let agents: AgentService
    package let tasks: TaskService
    package let identities: IdentityService

    package init(
        store: any DataStore,
        hasher: any PasswordHasher,
        cacheConfiguration: TenantCache.Configuration = TenantCache.Configuration(),
        time: any TimeSource = SystemTimeSource(),
        ids: any IdentifierSource = UUIDv7Source()
    ) {
        let cache = TenantCache(configuration: cacheConfiguration, time: time)
        self.store = store
        self.tenants = TenantDirectory(organizations: store.organizations, cache: cache)
        self.organizations = OrganizationService(organizations: store.organizations, cache: cache, time: time, ids: ids)
        self.projects = ProjectService(projects: store.projects, time: time, ids: ids)
        self.agents = AgentService(agents: store.agents, time: time, ids: ids)
        self.tasks = TaskService(tasks: store.tasks, time: time, ids: ids)
        self.identities = IdentityService(users: store.users, memberships: store.memberships, hasher: hasher, time: time, ids: ids)
    }
}
