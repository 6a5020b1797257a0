import CoordinaitorDomain
import Logging
import PostgresNIO

/// The client and logger every repository uses, with the two ways they talk to the database.
struct PostgresDatabase: Sendable {
    let client: PostgresClient
    let logger: Logger
    let availability: PostgresAvailability

    /// Runs one statement on a pooled connection and collects its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        let logger = self.logger
        return try await self.leased { connection in try await connection.query(query, logger: logger).collect() }
    }

    /// Runs `body` in a transaction. An error thrown by `body` is rethrown as it was, after the rollback, rather than
    /// wrapped in PostgresNIO's `PostgresTransactionError`, so callers can match domain errors.
    func transaction<Result: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        let logger = self.logger
        do {
            // The lease runs in a child task (see `leased`), which ends before this call returns: `body` never escapes.
            return try await withoutActuallyEscaping(body) { body in
                try await self.leased { connection in
                    try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
                }
            }
        } catch let error as PostgresTransactionError {
            if error.rollbackError == nil, let closureError = error.closureError { throw closureError }
            if let commitError = error.commitError { throw Self.outageChecked(commitError, self.availability) }
            throw error
        }
    }

    /// Runs `body` on a leased connection, within ``PostgresAvailability``: a lease that does not come in time, or a
    /// lost connection, becomes ``StoreUnavailableError``.
    private func leased<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        let availability = self.availability
        guard availability.admit() else { throw StoreUnavailableError("waiting for PostgreSQL to answer again") }
        let leased = LeaseSignal()
        let client = self.client
        do {
            let result = try await withThrowingTaskGroup(of: Result?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        leased.set()
                        return try await body(connection)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: availability.leaseTimeout)
                    return nil
                }
                while let next = try await group.next() {
                    if let result = next {
                        group.cancelAll()
                        return result
                    }
                    // A deadline passed. A running statement may take its time, and a busy pool on a server that
                    // still accepts connections is alive: wait on. A server that refuses them is an outage.
                    if leased.isSet { continue }
                    if await availability.serverAcceptsConnections() {
                        group.addTask {
                            try await Task.sleep(for: availability.leaseTimeout)
                            return nil
                        }
                        continue
                    }
                    group.cancelAll()
                    throw StoreUnavailableError("no connection within \(availability.leaseTimeout)")
                }
                throw StoreUnavailableError("the connection ended without an answer")
            }
            availability.markUp()
            return result
        } catch let error as StoreUnavailableError {
            availability.markDown(error.reason)
            throw error
        } catch {
            throw Self.outageChecked(error, availability)
        }
    }

    /// `error` itself, or ``StoreUnavailableError`` (marking the database down) when it says the server is gone.
    private static func outageChecked(_ error: any Error, _ availability: PostgresAvailability) -> any Error {
        guard PostgresAvailability.isOutage(error) else { return error }
        availability.markDown(String(describing: type(of: error)))
        return StoreUnavailableError("the connection to PostgreSQL was lost")
    }
}

extension PostgresConnection {
    /// Runs one statement inside the caller's transaction and collects its rows.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}
