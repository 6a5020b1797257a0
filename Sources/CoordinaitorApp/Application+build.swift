import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import CoordinaitorWeb
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The opened store and the services over it: what `buildApplication` wires into HTTP.
/// Tests build these first so they can seed data through the same services (and the same tenant cache) the server uses.
package struct ServerComponents: Sendable {
    package let store: OpenedStore
    package let services: CoreServices
    package let tokens: any AccessTokenService
    package let securityEvents: any SecurityEventSink

    /// Builds the services over an already opened store (tests open PostgreSQL stores themselves).
    package static func assemble(
        store: OpenedStore,
        configuration: AppConfiguration,
        logger: Logger,
        time: any TimeSource = SystemTimeSource()
    ) async throws -> Self {
        let services = CoreServices(
            store: store.dataStore,
            hasher: BcryptPasswordHasher(cost: configuration.bcryptCost),
            logger: logger,
            cacheConfiguration: configuration.tenantCache,
            identityCacheConfiguration: configuration.identityCache,
            taskListCacheConfiguration: configuration.taskListCache,
            time: time,
            webhookAllowPrivateTargets: configuration.webhookAllowPrivateTargets,
            auditKey: HMACAuditChainKey(secret: try GeneratedSecret.audit(configuration, logger: logger)),
            auditQueueCapacity: configuration.auditQueueCapacity,
            metrics: ServerMetrics(maximumLabelledOrganizations: configuration.metricsMaximumTenants)
        )
        let secret = try GeneratedSecret.jwt(configuration, logger: logger)
        let tokens = await JWTAccessTokenService(secret: secret, lifetime: configuration.tokenLifetime, time: time)
        let securityEvents = AuditedSecurityEventSink(trail: services.audit, logger: logger)
        return ServerComponents(store: store, services: services, tokens: tokens, securityEvents: securityEvents)
    }

    package static func open(configuration: AppConfiguration, logger: Logger, time: any TimeSource = SystemTimeSource()) async throws -> Self {
        let store = try await StoreFactory.open(configuration.database, logger: logger)
        do {
            return try await self.assemble(store: store, configuration: configuration, logger: logger, time: time)
        } catch {
            try? await store.dataStore.shutdown()
            throw error
        }
    }
}

/// The one composition root, used by `coordinaitor serve` and by every HTTP test.
package func buildApplication(
    configuration: AppConfiguration,
    logger: Logger,
    registry: RouteRegistry = RouteRegistry(),
    seedsDemoData: Bool = false
) async throws -> some ApplicationProtocol {
    let components = try await ServerComponents.open(configuration: configuration, logger: logger)
    return try buildApplication(components: components, configuration: configuration, logger: logger, registry: registry, seedsDemoData: seedsDemoData)
}

/// Wires already opened components into the HTTP surface.
///
/// Before the server accepts connections the store is migrated and the default organization is made sure of (where one
/// is needed); the store's services run alongside the server and are shut down after it.
package func buildApplication(
    components: ServerComponents,
    configuration: AppConfiguration,
    logger: Logger,
    registry: RouteRegistry = RouteRegistry(),
    webRoutes: WebRouteTable = WebRouteTable(),
    seedsDemoData: Bool = false,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let services = components.services
    let readiness = StoreReadiness()
    let dashboard = try WebDashboard(
        services: services,
        tokens: components.tokens,
        securityEvents: components.securityEvents,
        tenancy: configuration.tenancy,
        settings: .init(cookieDomain: configuration.sessionCookieDomain),
        routeTable: webRoutes
    )
    let store = components.store
    let responder = APIRouter.build(
        services: services,
        tokens: components.tokens,
        securityEvents: components.securityEvents,
        tenancy: configuration.tenancy,
        settings: HTTPSettings(maximumBodySize: configuration.maximumBodySize, metricsToken: configuration.metricsToken),
        observers: [services.metrics, AuditRequestObserver(trail: services.audit, recordsAPIRequests: configuration.auditAPIRequests)],
        registry: registry,
        extensions: [dashboard]
    )
    var app = Application(
        responder: responder,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "CoordinAItor"),
        // Shut down in reverse order: the server, the purgers, the usage flushers (their last batches), the audit writer
        // (last, so it writes what the others recorded while stopping), then the store.
        services: store.backgroundServices + [
            StoreShutdownService(store: store.dataStore),
            AuditWriter(queue: services.auditQueue, logger: logger),
            services.apiKeyUsage,
            // Stopped before the store: finishes the sends in flight; the rest stays queued in the database.
            WebhookDispatcher(
                webhooks: store.dataStore.webhooks,
                wake: services.webhooks.wake,
                configuration: .init(allowPrivateTargets: configuration.webhookAllowPrivateTargets),
                time: services.time,
                readiness: readiness,
                logger: logger
            ),
            services.apiCalls,
            CancelledOrganizationPurger(
                organizations: services.organizations,
                gracePeriod: configuration.purgeGracePeriod,
                time: services.time,
                logger: logger
            ),
            AuditRetentionPruner(audit: services.auditLog, organizations: store.dataStore.organizations, logger: logger),
        ],
        // Learns the bound address (PORT=0 binds any free port: what tests that run a real server use).
        onServerRunning: onServerRunning,
        logger: logger
    )
    app.beforeServerStarts {
        let applied = try await store.dataStore.migrate()
        if !applied.isEmpty { logger.info("Applied database migrations", metadata: ["migrations": "\(applied)"]) }
        readiness.markReady()
        if let organization = try await services.organizations.ensureDefaultOrganization(for: configuration.tenancy, logger: logger) {
            logger.info(
                "Default organization",
                metadata: ["organization.id": "\(organization.id)", "organization.subdomain": "\(organization.subdomain)"]
            )
        }
        if seedsDemoData {
            try await DemoData.seed(into: services, logger: logger)
        }
    }
    return app
}
