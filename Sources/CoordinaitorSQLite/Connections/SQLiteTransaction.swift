import SQLiteNIO

/// The writer connection while it is inside a `BEGIN IMMEDIATE` transaction.
///
/// Every statement run through it is part of the same transaction, so a caller can combine an insert with further
/// conditional statements (for example `UPDATE usage SET used = used + 1 WHERE used < ? RETURNING used`) atomically.
package struct SQLiteTransaction: Sendable {
    private let connection: SQLiteConnection

    init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Runs one statement with bound values and returns its rows (use `RETURNING` to learn what a write touched).
    @discardableResult
    package func query(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
        try await self.connection.query(sql, binds)
    }
}
