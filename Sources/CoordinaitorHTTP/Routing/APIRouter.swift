import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// Settings of the HTTP layer that are not about tenancy.
package struct HTTPSettings: Sendable {
    /// Largest accepted request body in bytes (`MAX_BODY_SIZE`).
    package var maximumBodySize: Int
    /// `METRICS_TOKEN`: when set, `/metrics` answers only to it.
    package var metricsToken: String?

    package init(maximumBodySize: Int = 1 << 20, metricsToken: String? = nil) {
        self.maximumBodySize = maximumBodySize
        self.metricsToken = metricsToken
    }
}

/// Routes that another module adds to the same router after the API's: the web dashboard.
package protocol RouterExtension: Sendable {
    /// Path prefixes of its pages, which also take `/org/{key}` under strategies other than `path`.
    var prefixedPaths: [String] { get }
    func addRoutes(to router: Router<AppRequestContext>)
}

/// Builds the whole HTTP surface: central routes, then the tenant API behind resolution.
package enum APIRouter {
    package static func build(
        services: CoreServices,
        tokens: any AccessTokenService,
        securityEvents: any SecurityEventSink,
        tenancy: TenancyConfiguration,
        settings: HTTPSettings,
        observers: [any RequestObserver] = [],
        registry: RouteRegistry = RouteRegistry(),
        extensions: [any RouterExtension] = []
    ) -> PathTenantResponder<RouterResponder<AppRequestContext>> {
        let router = Router(context: AppRequestContext.self)
        // Outermost, so it sees every request however it ends (and binds the audit context for everything below).
        router.add(middleware: RequestObservationMiddleware(observers: observers, trustProxy: tenancy.trustProxy, time: services.time))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: DotSegmentMiddleware())
        let body = JSONBodyReader(maximumSize: settings.maximumBodySize)
        let resolver = TenantResolver(configuration: tenancy)
        let authentication = AuthenticationMiddleware(tokens: tokens, identities: services.identities, apiKeys: services.apiKeys)

        let central = router.group()
        let centralRoutes = RouteRegistrar(group: central, prefix: "", registry: registry, isTenantRoute: false)
        HealthController(store: services.store).addRoutes(to: centralRoutes)
        MetricsController(metrics: services.metrics, usageSampler: services.usageSampler, token: MetricsAccessToken(settings.metricsToken))
            .addRoutes(to: centralRoutes)

        let auth = router.group("api/auth").add(middleware: authentication)
        AuthController(identities: services.identities, tokens: tokens, tenants: services.tenants, tenancy: tenancy, body: body)
            .addRoutes(to: RouteRegistrar(group: auth, prefix: "api/auth", registry: registry, isTenantRoute: false))

        let organizations = router.group("api/organizations").add(middleware: authentication)
        let authorizer = OrganizationAuthorizer(
            identities: services.identities,
            tenants: services.tenants,
            resolver: resolver,
            securityEvents: securityEvents
        )
        let organizationRoutes = RouteRegistrar(group: organizations, prefix: "api/organizations", registry: registry, isTenantRoute: false)
        OrganizationController(
            organizations: services.organizations,
            identities: services.identities,
            tenants: services.tenants,
            authorizer: authorizer,
            body: body
        )
        .addRoutes(to: organizationRoutes)
        APIKeyController(apiKeys: services.apiKeys, authorizer: authorizer, body: body).addRoutes(to: organizationRoutes)
        MemberController(members: services.members, authorizer: authorizer, body: body).addRoutes(to: organizationRoutes)
        UsageController(usage: services.usage, organizations: services.organizations, authorizer: authorizer, body: body)
            .addRoutes(to: organizationRoutes)
        let audit = AuditController(audit: services.auditLog, trail: services.audit, authorizer: authorizer)
        audit.addOrganizationRoutes(to: organizationRoutes)
        let admin = router.group("api/admin").add(middleware: authentication)
        audit.addPlatformRoutes(to: RouteRegistrar(group: admin, prefix: "api/admin", registry: registry, isTenantRoute: false))
        StatsController(statistics: services.metrics.statistics, authorizer: authorizer, time: services.time).addRoutes(to: organizationRoutes)
        let invitations = InvitationController(
            invitations: services.invitations,
            usage: services.usage,
            authorizer: authorizer,
            time: services.time,
            body: body
        )
        invitations.addRoutes(to: organizationRoutes)
        let acceptance = router.group("api/invitations").add(middleware: authentication)
        invitations.addAcceptRoute(to: RouteRegistrar(group: acceptance, prefix: "api/invitations", registry: registry, isTenantRoute: false))

        let tenantAPI = router.group("api")
            .add(middleware: authentication)
            .add(middleware: TenantResolutionMiddleware(resolver: resolver, directory: services.tenants, observer: services.metrics))
            .add(middleware: TenantAccessMiddleware(identities: services.identities, securityEvents: securityEvents))
            .add(
                middleware: TenantQuotaMiddleware(
                    rateLimiter: services.rateLimiter, apiCalls: services.apiCalls, usage: services.usage, limitObserver: services.metrics)
            )
            .group(context: TenantRequestContext.self)
        let routes = RouteRegistrar(group: tenantAPI, prefix: "api", registry: registry, isTenantRoute: true)
        ProjectController(projects: services.projects, body: body).addRoutes(to: routes)
        AgentController(agents: services.agents, body: body).addRoutes(to: routes)
        TaskController(tasks: services.tasks, body: body).addRoutes(to: routes)
        WebhookController(webhooks: services.webhooks, body: body).addRoutes(to: routes)
        ArtifactController(artifacts: services.artifacts).addRoutes(to: routes)

        for routerExtension in extensions { routerExtension.addRoutes(to: router) }

        let isPathStrategy = tenancy.multiTenantEnabled && tenancy.strategy == .path
        return PathTenantResponder(
            wrapping: router.buildResponder(),
            isEnabled: isPathStrategy,
            alwaysPrefixed: extensions.flatMap(\.prefixedPaths)
        )
    }
}
