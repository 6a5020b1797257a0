import CoordinaitorDomain
import Logging
import PostgresNIO

/// The client and logger every repository uses, with the two ways they talk to the database.
///
/// Both go through ``PostgresHealth/withConnection(from:_:)``: they fail at once with ``StoreUnavailableError`` while
/// the database is down, or as soon as it goes down while they wait for a connection. Errors that mean the connection
/// is gone become ``StoreUnavailableError`` too (and ask the monitor to look again), so that an outage answers 503
/// rather than 500.
struct PostgresDatabase: Sendable {
    let client: PostgresClient
    let health: PostgresHealth
    let logger: Logger

    /// - Parameter health: The flag a ``PostgresHealthMonitor`` keeps; without one it stays clear.
    init(client: PostgresClient, health: PostgresHealth = PostgresHealth(), logger: Logger) {
        self.client = client
        self.health = health
        self.logger = logger
    }

    /// Runs one statement on a pooled connection and collects its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        let logger = self.logger
        do {
            return try await self.health.withConnection(from: self.client) { connection in
                try await connection.rows(query, logger: logger)
            }
        } catch {
            throw self.unavailable(error) ?? error
        }
    }

    /// Runs a prepared statement on a pooled connection (prepared once per connection) and collects its rows.
    func rows<Statement: PostgresPreparedStatement>(_ statement: Statement) async throws -> [PostgresRow]
    where Statement.Row == PostgresRow {
        let logger = self.logger
        do {
            return try await self.health.withConnection(from: self.client) { connection in
                try await connection.rows(statement, logger: logger)
            }
        } catch {
            throw self.unavailable(error) ?? error
        }
    }

    /// Runs a prepared statement like ``rows(_:)-(Statement)``, or `adHoc` (the same query, unnamed) on a connection
    /// where it could not be prepared: PostgresNIO keeps that failure for the connection's life, and a pooler in
    /// transaction mode refuses named statements. An outage or a cancellation is rethrown, not retried.
    func rows<Statement: PostgresPreparedStatement>(
        _ statement: Statement, orAdHoc adHoc: @autoclosure () -> PostgresQuery
    ) async throws -> [PostgresRow] where Statement.Row == PostgresRow {
        do {
            return try await self.rows(statement)
        } catch let error as StoreUnavailableError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            self.logger.warning(
                "Prepared statement failed; using the ad-hoc query",
                metadata: ["statement": "\(Statement.self)", "error": "\(String(reflecting: error))"])
            return try await self.rows(adHoc())
        }
    }

    /// Runs `body` in a transaction. An error thrown by `body` is rethrown as it was, after the rollback, so callers
    /// can match domain errors.
    func transaction<Result: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        let logger = self.logger
        do {
            // `body` runs in the lease's child task, which ends before this returns: it does not really escape.
            return try await withoutActuallyEscaping(body) { body in
                try await self.health.withConnection(from: self.client) { connection in
                    try await connection.transaction(logger: logger, body)
                }
            }
        } catch {
            throw self.unavailable(error) ?? error
        }
    }

    /// ``StoreUnavailableError`` when `error` says the connection is gone or the pool could not lend one; nil for
    /// errors of the statement itself and for the caller's own errors.
    private func unavailable(_ error: any Error) -> StoreUnavailableError? {
        if let error = error as? StoreUnavailableError { return error }
        if PostgresConnectionLoss.matches(error) {
            self.health.requestProbe()
            return StoreUnavailableError("the connection to PostgreSQL was lost")
        }
        // The pool refused a lease: its circuit breaker is open (no connection for a minute), or the request was
        // cancelled (the caller has gone; what it is told no longer matters).
        if PostgresConnectionLoss.isPoolError(error) {
            return StoreUnavailableError("PostgreSQL could not be reached")
        }
        return nil
    }
}
