import CoordinaitorDomain
import Logging
import PostgresNIO
import ServiceLifecycle

/// The PostgreSQL store over a `PostgresClient` connection pool.
///
/// The store is a `Service`: nothing reaches the database until ``run()`` runs, typically in the application's
/// `ServiceGroup`, before any service that uses the store.
///
/// ```swift
/// let store = PostgresDataStore(configuration: try PostgresDataStore.configuration(url: url), logger: logger)
/// let group = ServiceGroup(services: [store, ...], logger: logger)
/// ```
package final class PostgresDataStore: DataStore, Service {
    package static let backendName = "postgres"
    /// How long ``readiness()`` waits for the database before reporting it unreachable.
    package static let defaultReadinessTimeout: Duration = .seconds(5)

    package let organizations: any OrganizationRepository
    package let projects: any ProjectRepository
    package let agents: any AgentRepository
    package let tasks: any TaskRepository
    package let users: any UserRepository
    package let memberships: any MembershipRepository
    package let apiKeys: any APIKeyRepository
    package let invitations: any InvitationRepository
    package let usage: any UsageRepository
    package let artifacts: any ArtifactRepository
    package let webhooks: any WebhookRepository
    package let audit: any AuditLogRepository

    private let client: PostgresClient
    private let migrator: PostgresMigrator
    private let readinessTimeout: Duration

    /// - Parameters:
    ///   - configuration: Where and how to connect; see ``configuration(url:)``.
    ///   - logger: Receives query, pool and migration messages.
    ///   - readinessTimeout: How long ``readiness()`` waits for an answer.
    package init(configuration: PostgresClient.Configuration, logger: Logger, readinessTimeout: Duration = defaultReadinessTimeout) {
        self.readinessTimeout = readinessTimeout
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let database = PostgresDatabase(client: client, logger: logger)
        self.client = client
        self.migrator = PostgresMigrator(client: client, logger: logger)
        self.organizations = PostgresOrganizationRepository(database: database)
        self.projects = PostgresProjectRepository(database: database)
        self.agents = PostgresAgentRepository(database: database)
        self.tasks = PostgresTaskRepository(database: database)
        self.users = PostgresUserRepository(database: database)
        self.memberships = PostgresMembershipRepository(database: database)
        self.apiKeys = PostgresAPIKeyRepository(database: database)
        self.invitations = PostgresInvitationRepository(database: database)
        self.usage = PostgresUsageRepository(database: database)
        self.artifacts = PostgresArtifactRepository(database: database)
        self.webhooks = PostgresWebhookRepository(database: database)
        self.audit = PostgresAuditLogRepository(database: database)
    }

    /// Runs the connection pool until the task is cancelled or graceful shutdown begins. Call it exactly once.
    package func run() async throws {
        await self.client.run()
    }

    package func migrate() async throws -> [Int] {
        try await self.migrator.migrate()
    }

    /// - Throws: ``PostgresUnreachableError`` when the database does not answer within the readiness timeout.
    ///   (The pool retries unreachable servers forever, so without a deadline this would never return.)
    package func readiness() async throws -> StoreReadiness {
        let timeout = self.readinessTimeout
        let appliedVersion = try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask { try await self.migrator.appliedVersion() }
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
}
