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

    package let organizations: any OrganizationRepository
    package let projects: any ProjectRepository
    package let agents: any AgentRepository
    package let tasks: any TaskRepository

    private let client: PostgresClient
    private let migrator: PostgresMigrator

    /// - Parameters:
    ///   - configuration: Where and how to connect; see ``configuration(url:)``.
    ///   - logger: Receives query, pool and migration messages.
    package init(configuration: PostgresClient.Configuration, logger: Logger) {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let database = PostgresDatabase(client: client, logger: logger)
        self.client = client
        self.migrator = PostgresMigrator(client: client, logger: logger)
        self.organizations = PostgresOrganizationRepository(database: database)
        self.projects = PostgresProjectRepository(database: database)
        self.agents = PostgresAgentRepository(database: database)
        self.tasks = PostgresTaskRepository(database: database)
    }

    /// Runs the connection pool until the task is cancelled or graceful shutdown begins. Call it exactly once.
    package func run() async throws {
        await self.client.run()
    }

    package func migrate() async throws -> [Int] {
        try await self.migrator.migrate()
    }

    package func readiness() async throws -> StoreReadiness {
        StoreReadiness(
            backend: Self.backendName,
            appliedVersion: try await self.migrator.appliedVersion(),
            latestVersion: PostgresMigrations.latestVersion
        )
    }

    /// The pool closes when the task running ``run()`` ends; there is nothing else to release.
    package func shutdown() async throws {}
}
