import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorPostgres
import CoordinaitorSQLite
import CoordinaitorServices
import Logging
import ServiceLifecycle

/// An opened store and the services that must run for it to work (the PostgreSQL connection pool and health monitor).
package struct OpenedStore: Sendable {
    package var dataStore: any DataStore
    package var backgroundServices: [any Service]

    package init(dataStore: any DataStore, backgroundServices: [any Service]) {
        self.dataStore = dataStore
        self.backgroundServices = backgroundServices
    }
}

/// Picks the backend from configuration. The only place that knows both drivers.
package enum StoreFactory {
    package static func open(_ database: AppConfiguration.Database, logger: Logger) async throws -> OpenedStore {
        switch database {
        case .sqlite(let path):
            let store = try await SQLiteDataStore.open(path: path, logger: logger)
            return OpenedStore(dataStore: store, backgroundServices: [])
        case .postgres(let url):
            let store = try PostgresDataStore(url: url, logger: logger)
            // The monitor after the pool: it stops first on shutdown, so no outage is reported while the pool stops.
            return OpenedStore(dataStore: store, backgroundServices: [store, store.healthMonitor])
        }
    }
}

/// Closes the store's connections once the server has stopped.
struct StoreShutdownService: Service {
    let store: any DataStore

    func run() async throws {
        try? await gracefulShutdown()
        // After a failed start the group is cancelled, and the drivers' thread pools refuse work from a cancelled task;
        // closing happens in a task of its own, awaited here, so the connections are closed either way.
        let store = self.store
        try await Task.detached { try await store.shutdown() }.value
    }
}

/// Runs `body` with services over a migrated store, for one-off commands such as `coordinaitor org create`.
/// The store is closed afterwards, whether `body` succeeded or not.
package func withCoreServices<Result: Sendable>(
    configuration: AppConfiguration,
    logger: Logger,
    _ body: @escaping @Sendable (CoreServices) async throws -> Result
) async throws -> Result {
    let auditKey = HMACAuditChainKey(secret: try GeneratedSecret.audit(configuration, logger: logger))
    let store = try await StoreFactory.open(configuration.database, logger: logger)
    let services = CoreServices(
        store: store.dataStore,
        hasher: BcryptPasswordHasher(cost: configuration.bcryptCost),
        logger: logger,
        cacheConfiguration: configuration.tenantCache,
        identityCacheConfiguration: configuration.identityCache,
        // A one-off command lists nothing twice.
        taskListCacheConfiguration: .disabled,
        auditKey: auditKey
    )
    let outcome: Swift.Result<Result, any Error>
    do {
        let value = try await withThrowingTaskGroup(of: Result?.self) { group in
            for service in store.backgroundServices {
                group.addTask {
                    try await service.run()
                    return nil
                }
            }
            group.addTask {
                _ = try await store.dataStore.migrate()
                // What the command changed is audited (actor: system) and written before the store closes, also
                // when the command fails halfway.
                do {
                    let result = try await body(services)
                    await services.audit.flush()
                    return result
                } catch {
                    await services.audit.flush()
                    throw error
                }
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let result = next { return result }
            }
            throw StartupError("The store stopped before the command finished.")
        }
        outcome = .success(value)
    } catch {
        outcome = .failure(error)
    }
    try await store.dataStore.shutdown()
    return try outcome.get()
}
