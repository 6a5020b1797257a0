import CoordinaitorDomain
import Logging
import PostgresNIO

/// The pool and logger every repository uses, with the two ways they talk to the database.
///
/// Both fail fast with ``StoreUnavailableError`` while ``PostgresHealth`` says the database is down, and turn errors
/// that mean the connection is gone into ``StoreUnavailableError`` too (asking the monitor to look again), so that an
/// outage answers 503 rather than 500. Nothing else wraps a query: no deadline, no extra task.
struct PostgresDatabase: Sendable {
    private let pool: @Sendable () -> PostgresClient
    let health: PostgresHealth
    let logger: Logger

    init(pool: PostgresPool, health: PostgresHealth, logger: Logger) {
        self.pool = { pool.client }
        self.health = health
        self.logger = logger
    }

    /// Over one client that the caller runs, with no health monitor (the flag stays clear).
    init(client: PostgresClient, logger: Logger) {
        self.pool = { client }
        self.health = PostgresHealth()
        self.logger = logger
    }

    var client: PostgresClient { self.pool() }

    /// Runs one statement on a pooled connection and collects its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try self.health.admit()
        do {
            return try await self.client.query(query, logger: self.logger).collect()
        } catch {
            throw self.unavailable(error) ?? error
        }
    }

    /// Runs `body` in a transaction. An error thrown by `body` is rethrown as it was, after the rollback, rather than
    /// wrapped in PostgresNIO's `PostgresTransactionError`, so callers can match domain errors.
    func transaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try self.health.admit()
        do {
            return try await self.client.withTransaction(logger: self.logger) { connection in
                try await body(connection)
            }
        } catch let error as PostgresTransactionError {
            if error.rollbackError == nil, let closureError = error.closureError { throw self.unavailable(closureError) ?? closureError }
            if let commitError = error.commitError { throw self.unavailable(commitError) ?? commitError }
            throw self.unavailable(error.beginError ?? error.rollbackError ?? error) ?? error
        } catch {
            throw self.unavailable(error) ?? error
        }
    }

    /// ``StoreUnavailableError`` when `error` says the connection is gone, or comes from a pool retired because the
    /// database is down; nil for errors of the statement itself and for the caller's own errors.
    private func unavailable(_ error: any Error) -> StoreUnavailableError? {
        if let error = error as? StoreUnavailableError { return error }
        if PostgresConnectionLoss.matches(error) {
            self.health.requestProbe()
            return StoreUnavailableError("the connection to PostgreSQL was lost")
        }
        // The pool's own errors (`ConnectionPoolError`, from a module this package does not import): a pool shut down
        // by ``PostgresPool/replace()``, or one that gave up connecting. Only an outage explains them while serving.
        if self.health.isDown, String(reflecting: type(of: error)).hasPrefix("_ConnectionPoolModule.") {
            return StoreUnavailableError("PostgreSQL is down")
        }
        return nil
    }
}

extension PostgresConnection {
    /// Runs one statement inside the caller's transaction and collects its rows.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}
