import CoordinaitorDomain
import CoordinaitorPostgres
import CoordinaitorSQLite
import Foundation
import Logging

/// A logger for stores under test: warnings and errors only, so test output stays readable.
package func testLogger(_ label: String = "coordinaitor.tests") -> Logger {
    var logger = Logger(label: label)
    logger.logLevel = .warning
    return logger
}

/// Runs `body` with a migrated SQLite store in a temporary file, removed afterwards.
///
/// ```swift
/// try await withSQLiteStore { store in
///     _ = try await store.organizations.create(organization)
/// }
/// ```
package func withSQLiteStore<Result>(_ body: (SQLiteDataStore) async throws -> Result) async throws -> Result {
    try await withSQLiteStoreAndDatabase { store, _ in try await body(store) }
}

/// Runs `body` like ``withSQLiteStore(_:)``, also giving it direct SQL access to the store's database file.
package func withSQLiteStoreAndDatabase<Result>(_ body: (SQLiteDataStore, RawDatabase) async throws -> Result) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-sqlite-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("store.sqlite").path
    let store = try await SQLiteDataStore.open(path: path, logger: testLogger())
    do {
        _ = try await store.migrate()
        let result = try await body(store, RawDatabase.sqlite(path: path, logger: testLogger()))
        try await store.shutdown()
        return result
    } catch {
        try? await store.shutdown()
        throw error
    }
}

/// Runs `body` with a migrated PostgreSQL store on a fresh database of the test cluster (see ``PostgresTestCluster``).
///
/// The store's client runs in a child task for the duration of `body` and is cancelled afterwards; the database is
/// then dropped.
package func withPostgresStore<Result>(_ body: (PostgresDataStore) async throws -> Result) async throws -> Result {
    try await withPostgresStoreAndDatabase { store, _ in try await body(store) }
}

/// Runs `body` like ``withPostgresStore(_:)``, also giving it direct SQL access to the store's database.
package func withPostgresStoreAndDatabase<Result>(_ body: (PostgresDataStore, RawDatabase) async throws -> Result) async throws -> Result {
    let logger = testLogger()
    let cluster = try PostgresTestCluster.shared()
    let database = try await cluster.createDatabase(logger: logger)
    let store = PostgresDataStore(configuration: cluster.configuration(database: database), logger: logger)
    let outcome: Swift.Result<Result, any Error>
    do {
        let value = try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
            group.addTask { try await store.run() }
            defer { group.cancelAll() }
            _ = try await store.migrate()
            return try await body(store, RawDatabase.postgres(cluster: cluster, database: database, logger: logger))
        }
        outcome = .success(value)
    } catch {
        outcome = .failure(error)
    }
    try? await cluster.dropDatabase(database, logger: logger)
    return try outcome.get()
}
