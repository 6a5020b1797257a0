import Logging
import PostgresNIO

/// A statement was not sent because its connection had already closed.
struct PostgresConnectionClosedError: Error, CustomStringConvertible {
    var description: String { "The connection to PostgreSQL was closed before the statement was sent." }
}

/// Statements and transactions that fail at once on a closed connection instead of waiting forever.
///
/// PostgresNIO (1.33.2) writes a statement to its channel without a write promise. Once the channel has closed and
/// its handlers are gone, that write is dropped silently and the statement's answer never comes: the caller waits
/// forever, deaf to cancellation. That happens whenever a statement follows the server closing the connection: the
/// `ROLLBACK` PostgresNIO's own `withTransaction` sends after the server ended the session, the next statement of a
/// transaction after the server shut down, or a connection the pool lends before it has seen the close. So every
/// statement this package sends checks the connection first. (What remains is a write racing the close itself, a few
/// microseconds wide.)
extension PostgresConnection {
    /// Runs one statement, failing with ``PostgresConnectionClosedError`` if the connection has closed.
    @discardableResult
    func checkedQuery(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        guard !self.isClosed else { throw PostgresConnectionClosedError() }
        return try await self.query(query, logger: logger)
    }

    /// Runs one statement and collects its rows.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.checkedQuery(query, logger: logger).collect()
    }

    /// Runs a prepared statement (preparing it first on this connection if need be) and collects its rows, failing
    /// with ``PostgresConnectionClosedError`` if the connection has closed.
    func rows<Statement: PostgresPreparedStatement>(_ statement: Statement, logger: Logger) async throws -> [PostgresRow]
    where Statement.Row == PostgresRow {
        guard !self.isClosed else { throw PostgresConnectionClosedError() }
        var rows: [PostgresRow] = []
        for try await row in try await self.execute(statement, logger: logger) { rows.append(row) }
        return rows
    }

    /// Runs `body` between `BEGIN` and `COMMIT`. When `body` throws, the transaction is rolled back and its error
    /// rethrown as it was, so callers can match domain errors; a failed `BEGIN` or `COMMIT` throws its own error.
    func transaction<Result>(logger: Logger, _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await self.checkedQuery("BEGIN", logger: logger)
        let value: Result
        do {
            value = try await body(self)
        } catch {
            await self.rollBack(logger: logger)
            throw error
        }
        try await self.checkedQuery("COMMIT", logger: logger)
        return value
    }

    /// `ROLLBACK`; when it fails the connection may still be inside the transaction, so it is closed rather than
    /// returned to the pool that way (the pool replaces it). A closed connection needs no rollback: the server ended
    /// the transaction with the session.
    private func rollBack(logger: Logger) async {
        do {
            try await self.checkedQuery("ROLLBACK", logger: logger)
        } catch {
            guard !self.isClosed else { return }
            logger.warning("PostgreSQL rollback failed; closing the connection", metadata: ["error": "\(String(reflecting: error))"])
            try? await self.close()
        }
    }
}
