import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import CoordinaitorTesting
import CoordinaitorWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The storage backend an HTTP test runs on; suites that touch storage run on both.
enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { self.rawValue }
}

/// Runs the real application (the same `buildApplication` as `serve`) in-process over a fresh database:
/// a temporary SQLite file, or a new database on the test PostgreSQL cluster.
struct TestServer: Sendable {
    var environment: [String: String] = [:]
    var backend: TestBackend = .sqlite
    var logHandler: RecordingLogHandler? = nil
    /// Builds the server's logger from its configuration instead of recording into `logHandler` (the logging tests).
    var makeLogger: (@Sendable (AppConfiguration) -> Logger)? = nil
    /// Start a real server on a free port instead of calling the router directly.
    var live = false
    /// The clock every service reads; a ``ManualTimeSource`` lets a test move through months.
    var time: any TimeSource = SystemTimeSource()

    /// Seeds data through `seed`, then runs `body` with a test client and the services the server uses.
    func run<Seed: Sendable>(
        seed: @escaping @Sendable (ServerComponents) async throws -> Seed,
        _ body: @escaping @Sendable (any TestClientProtocol, CoreServices, Seed) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var environment = self.environment
        // A test that opens the database itself names the directory; it is then the test's to remove.
        environment["DATA_DIR"] = environment["DATA_DIR"] ?? directory.path
        // The cheapest bcrypt cost: tests sign up many users, and the cost does not change what is checked.
        environment["BCRYPT_COST"] = environment["BCRYPT_COST"] ?? "4"
        if self.live { environment["PORT"] = "0" }
        let configuration = try AppConfiguration(reading: { environment[$0] })
        let handler = self.logHandler ?? RecordingLogHandler()
        let logger = self.makeLogger?(configuration) ?? Logger(label: "test") { _ in handler }

        switch self.backend {
        case .sqlite:
            let components = try await ServerComponents.open(configuration: configuration, logger: logger, time: self.time)
            do {
                _ = try await components.store.dataStore.migrate()
                try await self.serve(components, configuration: configuration, logger: logger, seed: seed, body)
            } catch {
                // The application closes the store when it shuts down; this covers a start that failed before that.
                try? await components.store.dataStore.shutdown()
                throw error
            }
            try await components.store.dataStore.shutdown()
        case .postgres:
            // The helper runs the connection pool and migrates, so the application gets no background service of its own.
            try await withPostgresStore { store in
                let components = try await ServerComponents.assemble(
                    store: OpenedStore(dataStore: store, backgroundServices: []),
                    configuration: configuration,
                    logger: logger,
                    time: self.time
                )
                try await self.serve(components, configuration: configuration, logger: logger, seed: seed, body)
            }
        }
    }

    func run(_ body: @escaping @Sendable (any TestClientProtocol, CoreServices) async throws -> Void) async throws {
        try await self.run(seed: { _ in () }) { client, services, _ in try await body(client, services) }
    }

    private func serve<Seed: Sendable>(
        _ components: ServerComponents,
        configuration: AppConfiguration,
        logger: Logger,
        seed: @escaping @Sendable (ServerComponents) async throws -> Seed,
        _ body: @escaping @Sendable (any TestClientProtocol, CoreServices, Seed) async throws -> Void
    ) async throws {
        let seeded = try await seed(components)
        let app = try buildApplication(components: components, configuration: configuration, logger: logger)
        try await app.test(self.live ? .live : .router) { client in
            try await body(client, components.services, seeded)
        }
    }

    /// The API's route table of a server built with this environment.
    func routes() async throws -> [RouteRegistry.Route] {
        try await self.builtTables().api
    }

    /// The web pages and forms of a server built with this environment.
    func webRoutes() async throws -> [WebRouteTable.Route] {
        try await self.builtTables().web
    }

    /// Builds the application (without running it) and returns the routes it registered.
    private func builtTables() async throws -> (api: [RouteRegistry.Route], web: [WebRouteTable.Route]) {
        let registry = RouteRegistry()
        let table = WebRouteTable()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-routes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = self.environment
        let configuration = try AppConfiguration(reading: { $0 == "DATA_DIR" ? directory.path : $0 == "BCRYPT_COST" ? "4" : environment[$0] })
        let logger = Logger(label: "test") { _ in RecordingLogHandler() }
        let components = try await ServerComponents.open(configuration: configuration, logger: logger)
        _ = try buildApplication(components: components, configuration: configuration, logger: logger, registry: registry, webRoutes: table)
        try await components.store.dataStore.shutdown()
        return (registry.routes, table.routes)
    }
}
