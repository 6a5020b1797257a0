import CoordinaitorDomain
import Logging
import PostgresNIO
import ServiceLifecycle

/// The PostgreSQL store over a `PostgresClient` connection pool.
///
/// The store is a `Service`: nothing reaches the database until ``run()`` runs, typically in the application's
/// `ServiceGroup`, before any service that uses the store. ``healthMonitor`` is a second service, added after the store,
/// that turns an outage into prompt `StoreUnavailableError`s (503) instead of requests that wait for the database.
///
/// ```swift
/// let store = try PostgresDataStore(url: url, logger: logger)
/// let group = ServiceGroup(services: [store, store.healthMonitor, ...], logger: logger)
/// ```
package final class PostgresDataStore: DataStore, Service {
    package static let backendName = "postgres"
    /// How long ``readiness()`` waits for the database before reporting it unreachable.
    package static let defaultReadinessTimeout: Duration = .seconds(5)

    package let organizations: any OrganizationRepository
    package let projects: any ProjectRepository
    package let agents: any AgentRepository
    package let tasks: any TaskRepository
    package let taskListVersions: (any TaskListVersionSource)?
    package let users: any UserRepository
    package let memberships: any MembershipRepository
    package let apiKeys: any APIKeyRepository
    package let invitations: any InvitationRepository
    package let usage: any UsageRepository
    package let artifacts: any ArtifactRepository
    package let webhooks: any WebhookRepository
    package let audit: any AuditLogRepository
    /// Probes the database over a connection of its own and owns the "down" flag; run it after the store.
    package let healthMonitor: PostgresHealthMonitor

    private let client: PostgresClient
    private let migrator: PostgresMigrator
    private let health: PostgresHealth
    private let logger: Logger
    private let readinessTimeout: Duration

    /// - Parameters:
    ///   - configuration: Where and how to connect; see ``configuration(url:)``.
    ///   - probe: Where the health monitor connects. Nil: the pool's server, user and database without TLS (right for
    ///     the test cluster); ``init(url:logger:)`` derives it from the URL, TLS included.
    ///   - logger: Receives query, pool, health and migration messages.
    ///   - readinessTimeout: How long ``readiness()`` waits for an answer.
    package init(
        configuration: PostgresClient.Configuration,
        probe: PostgresConnection.Configuration? = nil,
        logger: Logger,
        readinessTimeout: Duration = defaultReadinessTimeout
    ) {
        self.readinessTimeout = readinessTimeout
        self.logger = logger
        // One pool for the life of the store: an outage fails the calls waiting in it (see `PostgresHealth`), it is
        // never shut down or replaced while serving.
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let health = PostgresHealth()
        let database = PostgresDatabase(client: client, health: health, logger: logger)
        self.client = client
        self.migrator = PostgresMigrator(client: client, logger: logger)
        self.health = health
        self.healthMonitor = PostgresHealthMonitor(health: health, probe: probe ?? Self.probe(for: configuration), logger: logger)
        self.organizations = PostgresOrganizationRepository(database: database)
        self.projects = PostgresProjectRepository(database: database)
        self.agents = PostgresAgentRepository(database: database)
        let tasks = PostgresTaskRepository(database: database)
        self.tasks = tasks
        self.taskListVersions = tasks
        self.users = PostgresUserRepository(database: database)
        self.memberships = PostgresMembershipRepository(database: database)
        self.apiKeys = PostgresAPIKeyRepository(database: database)
        self.invitations = PostgresInvitationRepository(database: database)
        self.usage = PostgresUsageRepository(database: database)
        self.artifacts = PostgresArtifactRepository(database: database)
        self.webhooks = PostgresWebhookRepository(database: database)
        self.audit = PostgresAuditLogRepository(database: database)
    }

    /// A store for `postgres://user:password@host:port/database?sslmode=…`; see ``configuration(url:)``.
    package convenience init(url: String, logger: Logger) throws(PostgresURLError) {
        self.init(configuration: try Self.configuration(url: url), probe: try Self.probeConfiguration(url: url), logger: logger)
    }

    /// Runs the connection pool until the task is cancelled or graceful shutdown begins. Call it exactly once.
    package func run() async throws {
        await self.client.run()
    }

    /// Applies pending migrations, waiting for a database that is not up yet (or goes away during start-up): the pool
    /// holds the migration's lease until it connects, and after a minute without a connection its circuit breaker
    /// refuses leases instead, which is retried here until the database answers.
    package func migrate() async throws -> [Int] {
        var warned = false
        while true {
            do {
                return try await self.migrator.migrate()
            } catch where PostgresConnectionLoss.matches(error) || PostgresConnectionLoss.isPoolError(error) {
                if !warned {
                    self.logger.warning("PostgreSQL is not reachable; migrations wait for it", metadata: ["error": "\(String(reflecting: error))"])
                    warned = true
                }
                try await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// - Throws: ``PostgresUnreachableError`` at once while the health monitor finds the database down, or when the
    ///   database does not answer within the readiness timeout. (The pool retries unreachable servers forever, so
    ///   without a deadline this would never return.)
    package func readiness() async throws -> StoreReadiness {
        let timeout = self.readinessTimeout
        guard !self.health.isDown else { throw PostgresUnreachableError(timeout: .zero) }
        let migrator = self.migrator
        let appliedVersion = try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask { try await migrator.appliedVersion() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard case .some(.some(let version)) = try await group.next() else { throw PostgresUnreachableError(timeout: timeout) }
            return version
        }
        return StoreReadiness(backend: Self.backendName, appliedVersion: appliedVersion, latestVersion: PostgresMigrations.latestVersion)
    }

    /// The pool closes when the task running ``run()`` ends; there is nothing else to release.
    package func shutdown() async throws {}

    /// The pool's server, user and database, without TLS, with a short connect timeout.
    static func probe(for configuration: PostgresClient.Configuration) -> PostgresConnection.Configuration {
        var probe =
            if let path = configuration.unixSocketPath {
                PostgresConnection.Configuration(
                    unixSocketPath: path, username: configuration.username, password: configuration.password, database: configuration.database)
            } else {
                PostgresConnection.Configuration(
                    host: configuration.host ?? "localhost",
                    port: configuration.port ?? 5432,
                    username: configuration.username,
                    password: configuration.password,
                    database: configuration.database,
                    tls: .disable
                )
            }
        probe.options.connectTimeout = PostgresConnection.Configuration.probeConnectTimeout
        return probe
    }
}
