import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The PostgreSQL server the integration tests use, and a fresh database for each test.
///
/// With `POSTGRES_HOSTNAME` set (plus optional `POSTGRES_PORT`, `POSTGRES_USER`, `POSTGRES_PASSWORD`, `POSTGRES_DB`),
/// that server is used. Otherwise a throwaway cluster is created once per test process with `initdb` and `pg_ctl`
/// (found on `PATH` or in `/usr/lib/postgresql/*/bin`) on a free loopback port, and removed when the process exits.
package struct PostgresTestCluster: Sendable {
    package let host: String
    package let port: Int
    package let username: String
    package let password: String?
    /// The database connected to for `CREATE DATABASE`.
    package let maintenanceDatabase: String

    private static let started = Result { try Self.connectOrStart() }

    /// The process-wide cluster, started on first use. Blocks the first caller while `initdb` runs (a few seconds).
    package static func shared() throws -> PostgresTestCluster {
        try self.started.get()
    }

    /// A client configuration for `database`, with a small pool so that many tests can run in parallel.
    package func configuration(database: String) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: self.host,
            port: self.port,
            username: self.username,
            password: self.password,
            database: database,
            tls: .disable
        )
        configuration.options.maximumConnections = 4
        return configuration
    }

    /// Creates an empty database with a random name and returns the name.
    package func createDatabase(logger: Logger) async throws -> String {
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        // Identifiers cannot be bound; the name is generated above from hex digits only.
        try await self.maintenance(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        return name
    }

    /// Drops a database made by ``createDatabase(logger:)``, closing connections that are still open.
    package func dropDatabase(_ name: String, logger: Logger) async throws {
        try await self.maintenance(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
    }

    /// Runs `body` with a running client on a fresh, empty database of at most `maximumConnections`, then drops the
    /// database whatever `body` did, and rethrows what it threw.
    package func withFreshDatabase(
        maximumConnections: Int = 4, logger: Logger, _ body: @Sendable (PostgresClient) async throws -> Void
    ) async throws {
        let name = try await self.createDatabase(logger: logger)
        var configuration = self.configuration(database: name)
        configuration.options.maximumConnections = maximumConnections
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let outcome: Result<Void, any Error>
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                try await body(client)
            }
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        try? await self.dropDatabase(name, logger: logger)
        try outcome.get()
    }

    private func maintenance(_ query: PostgresQuery, logger: Logger) async throws {
        try await self.execute(query, in: self.maintenanceDatabase, logger: logger)
    }

    /// Runs one statement on `database` over a connection of its own, outside any store's pool.
    package func execute(_ query: PostgresQuery, in database: String, logger: Logger) async throws {
        let configuration = PostgresConnection.Configuration(
            host: self.host,
            port: self.port,
            username: self.username,
            password: self.password,
            database: database,
            tls: .disable
        )
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await connection.query(query, logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    private static func connectOrStart() throws -> PostgresTestCluster {
        let environment = ProcessInfo.processInfo.environment
        if let host = environment["POSTGRES_HOSTNAME"], !host.isEmpty {
            return PostgresTestCluster(
                host: host,
                port: environment["POSTGRES_PORT"].flatMap(Int.init) ?? 5432,
                username: environment["POSTGRES_USER"] ?? "postgres",
                password: environment["POSTGRES_PASSWORD"],
                maintenanceDatabase: environment["POSTGRES_DB"] ?? "postgres"
            )
        }
        let port = try ThrowawayCluster.start()
        return PostgresTestCluster(host: "127.0.0.1", port: port, username: "postgres", password: nil, maintenanceDatabase: "postgres")
    }
}
