import CoordinaitorDomain
import Logging

/// The services the HTTP layer and the CLI work with, built over one ``DataStore``.
package struct CoreServices: Sendable {
    package let store: any DataStore
    package let time: any TimeSource
    package let tenants: TenantDirectory
    package let organizations: OrganizationService
    package let projects: ProjectService
    package let agents: AgentService
    package let tasks: TaskService
    package let identities: IdentityService
    package let apiKeys: APIKeyService
    package let members: MembershipService
    package let invitations: InvitationService
    /// Runs as a service next to the server: flushes API keys' last-use times in batches.
    package let apiKeyUsage: APIKeyUsageRecorder

    package init(
        store: any DataStore,
        hasher: any PasswordHasher,
        logger: Logger,
        cacheConfiguration: TenantCache.Configuration = TenantCache.Configuration(),
        time: any TimeSource = SystemTimeSource(),
        ids: any IdentifierSource = UUIDv7Source()
    ) {
        let cache = TenantCache(configuration: cacheConfiguration, time: time)
        self.store = store
        self.time = time
        self.tenants = TenantDirectory(organizations: store.organizations, cache: cache)
        self.organizations = OrganizationService(organizations: store.organizations, cache: cache, time: time, ids: ids)
        self.projects = ProjectService(projects: store.projects, time: time, ids: ids)
        self.agents = AgentService(agents: store.agents, time: time, ids: ids)
        self.tasks = TaskService(tasks: store.tasks, time: time, ids: ids)
        self.identities = IdentityService(users: store.users, memberships: store.memberships, hasher: hasher, time: time, ids: ids)
        self.apiKeyUsage = APIKeyUsageRecorder(keys: store.apiKeys, logger: logger)
        self.apiKeys = APIKeyService(keys: store.apiKeys, usage: self.apiKeyUsage, time: time, ids: ids)
        self.members = MembershipService(memberships: store.memberships, users: store.users, time: time)
        self.invitations = InvitationService(invitations: store.invitations, organizations: store.organizations, time: time, ids: ids)
    }
}
