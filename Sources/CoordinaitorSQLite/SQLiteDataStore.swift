import CoordinaitorDomain
import Foundation
import Logging

/// The embedded default store: one SQLite file in WAL mode, one serialized writer and a few readers.
///
/// ```swift
/// let store = try await SQLiteDataStore.open(path: "data/coordinaitor.sqlite", logger: logger)
/// _ = try await store.migrate()
/// defer { try? await store.shutdown() }
/// ```
package final class SQLiteDataStore: DataStore {
    package static let backendName = "sqlite"
    package static let defaultReaderCount = 4

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

    private let connections: SQLiteConnections
    private let migrator: SQLiteMigrator

    private init(connections: SQLiteConnections, logger: Logger) {
        self.connections = connections
        self.migrator = SQLiteMigrator(connections: connections, logger: logger)
        self.organizations = SQLiteOrganizationRepository(connections: connections)
        self.projects = SQLiteProjectRepository(connections: connections)
        self.agents = SQLiteAgentRepository(connections: connections)
        self.tasks = SQLiteTaskRepository(connections: connections)
        self.users = SQLiteUserRepository(connections: connections)
        self.memberships = SQLiteMembershipRepository(connections: connections)
        self.apiKeys = SQLiteAPIKeyRepository(connections: connections)
        self.invitations = SQLiteInvitationRepository(connections: connections)
        self.usage = SQLiteUsageRepository(connections: connections)
        self.artifacts = SQLiteArtifactRepository(connections: connections)
        self.webhooks = SQLiteWebhookRepository(connections: connections)
        self.audit = SQLiteAuditLogRepository(connections: connections)
    }

    /// Opens (creating if needed) the database file at `path`, and its parent directory.
    ///
    /// - Parameters:
    ///   - path: A file path, or `:memory:` for a private in-memory database (reads then share the writer connection).
    ///   - readerCount: How many connections serve reads concurrently with the writer.
    ///   - logger: Receives connection and migration messages.
    /// - Returns: An open store; call ``migrate()`` before use and ``shutdown()`` when done.
    package static func open(path: String, readerCount: Int = defaultReaderCount, logger: Logger) async throws -> SQLiteDataStore {
        if path != SQLiteConnections.inMemoryPath {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        let connections = try await SQLiteConnections.open(path: path, readerCount: readerCount, logger: logger)
        return SQLiteDataStore(connections: connections, logger: logger)
    }

    package func migrate() async throws -> [Int] {
        try await self.migrator.migrate()
    }

    package func readiness() async throws -> StoreReadiness {
        StoreReadiness(
            backend: Self.backendName,
            appliedVersion: try await self.migrator.appliedVersion(),
            latestVersion: SQLiteMigrations.latestVersion
        )
    }

    package func shutdown() async throws {
        try await self.connections.close()
    }
}
