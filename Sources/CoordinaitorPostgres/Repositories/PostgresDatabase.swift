import CoordinaitorDomain
import Logging
import PostgresNIO

/// The client and logger every repository uses, with the two ways they talk to the database.
struct PostgresDatabase: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// Runs one statement on a pooled connection and collects its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await self.client.query(query, logger: self.logger).collect()
    }

    /// Runs `body` in a transaction. An error thrown by `body` is rethrown as it was, after the rollback, rather than
    /// wrapped in PostgresNIO's `PostgresTransactionError`, so callers can match domain errors.
    func transaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            return try await self.client.withTransaction(logger: self.logger) { connection in
                try await body(connection)
            }
        } catch let error as PostgresTransactionError {
            if error.rollbackError == nil, let closureError = error.closureError { throw closureError }
            if let commitError = error.commitError { throw commitError }
            throw error
        }
    }
}

extension PostgresConnection {
    /// Runs one statement inside the caller's transaction and collects its rows.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }
}
