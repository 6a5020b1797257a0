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
    package let artifacts: ArtifactService
    package let identities: IdentityService
    package let apiKeys: APIKeyService
    package let members: MembershipService
    package let invitations: InvitationService
    /// Webhooks and the queue of their deliveries; ``WebhookDispatcher`` sends what it queues.
    package let webhooks: WebhookService
    /// Runs as a service next to the server: flushes API keys' last-use times in batches.
    package let apiKeyUsage: APIKeyUsageRecorder
    /// Runs as a service next to the server: counts API calls in memory and flushes them every second.
    package let apiCalls: APICallMeter
    package let usage: UsageService
    package let rateLimiter: any RateLimiter
    /// Where every part records audit events; ``auditQueue`` holds them until ``AuditWriter`` writes them.
    package let audit: AuditTrail
    package let auditQueue: AuditQueue
    package let auditLog: AuditService
    /// The Prometheus metrics and this node's per-organization request statistics.
    package let metrics: ServerMetrics
    /// Refreshes the per-organization usage and cost gauges when `/metrics` is scraped.
    package let usageSampler: OrganizationUsageSampler

    package init(
        store: any DataStore,
        hasher: any PasswordHasher,
        logger: Logger,
        cacheConfiguration: TenantCache.Configuration = TenantCache.Configuration(),
        identityCacheConfiguration: IdentityCache.Configuration = IdentityCache.Configuration(),
        taskListCacheConfiguration: TaskListCache.Configuration = TaskListCache.Configuration(),
        time: any TimeSource = SystemTimeSource(),
        ids: any IdentifierSource = UUIDv7Source(),
        webhookAllowPrivateTargets: Bool = false,
        auditKey: any AuditChainKey,
        auditQueueCapacity: Int = 100_000,
        metrics: ServerMetrics = ServerMetrics()
    ) {
        self.metrics = metrics
        self.usageSampler = OrganizationUsageSampler(usage: store.usage, metrics: metrics, time: time, logger: logger)
        self.auditQueue = AuditQueue(repository: store.audit, key: auditKey, capacity: auditQueueCapacity, observer: metrics, logger: logger)
        let audit = AuditTrail(queue: self.auditQueue, time: time, ids: ids)
        self.audit = audit
        self.auditLog = AuditService(repository: store.audit, key: auditKey, trail: audit, time: time, logger: logger)
        let cache = TenantCache(configuration: cacheConfiguration, time: time, observer: metrics, logger: logger)
        self.apiCalls = APICallMeter(usage: store.usage, time: time, limitObserver: metrics, logger: logger)
        let usageEvents = UsageEventRelay()
        self.usage = UsageService(
            usage: store.usage, meter: self.apiCalls, time: time, events: usageEvents, audit: audit, limitObserver: metrics, logger: logger)
        self.rateLimiter = LocalRateLimiter(time: time)
        let gate = UsageGate(time: time, observer: self.usage)
        self.webhooks = WebhookService(
            webhooks: store.webhooks, time: time, ids: ids, gate: gate, allowPrivateTargets: webhookAllowPrivateTargets, audit: audit,
            logger: logger)
        usageEvents.connect(self.webhooks)
        self.store = store
        self.time = time
        // Task lists are served from rendered pages until a change through these repositories drops them (see TaskListCache).
        let taskLists = TaskListCache(configuration: taskListCacheConfiguration, time: time)
        let organizations = taskLists.tracking(store.organizations)
        let tasks = taskLists.tracking(store.tasks)
        self.tenants = TenantDirectory(organizations: organizations, cache: cache)
        self.organizations = OrganizationService(organizations: organizations, cache: cache, time: time, ids: ids, audit: audit)
        self.projects = ProjectService(projects: taskLists.tracking(store.projects), time: time, ids: ids, gate: gate, audit: audit)
        self.agents = AgentService(agents: taskLists.tracking(store.agents), time: time, ids: ids, gate: gate, audit: audit)
        self.tasks = TaskService(tasks: tasks, time: time, ids: ids, gate: gate, webhooks: self.webhooks, audit: audit, lists: taskLists,
            listVersions: store.taskListVersions)
        self.artifacts = ArtifactService(artifacts: store.artifacts, tasks: tasks, time: time, gate: gate, audit: audit)
        // Who is calling and with which role: read by every authenticated request, so cached (see IdentityCache).
        let identityCache = IdentityCache(configuration: identityCacheConfiguration, time: time)
        let users = identityCache.caching(store.users)
        let memberships = identityCache.caching(store.memberships)
        self.identities = IdentityService(
            users: users, memberships: memberships, hasher: hasher, time: time, ids: ids, gate: gate, audit: audit)
        self.apiKeyUsage = APIKeyUsageRecorder(keys: store.apiKeys, logger: logger)
        self.apiKeys = APIKeyService(keys: store.apiKeys, usage: self.apiKeyUsage, time: time, ids: ids, audit: audit)
        self.members = MembershipService(
            memberships: memberships, users: users, time: time, gate: gate, webhooks: self.webhooks, audit: audit)
        self.invitations = InvitationService(
            invitations: store.invitations, organizations: organizations, time: time, ids: ids, gate: gate, webhooks: self.webhooks,
            audit: audit)
    }
}
