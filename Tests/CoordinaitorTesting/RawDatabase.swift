import Logging
import PostgresNIO
import SQLiteNIO

/// Statements run straight on the database behind a store under test, past its repositories: how contract checks act
/// as someone with direct access to the database. Where the dialects differ, a check reads ``dialect`` to pick its SQL.
package struct RawDatabase: Sendable {
    package enum Dialect: Sendable {
        case sqlite, postgres
    }

    package let dialect: Dialect
    private let run: @Sendable (String) async throws -> Void

    /// Runs one statement, with no bound values, on a connection of its own; rethrows the database's error.
    package func execute(_ sql: String) async throws {
        try await self.run(sql)
    }

    /// Opens a new connection to the SQLite file at `path` for each statement, leaving the store's connections alone.
    package static func sqlite(path: String, logger: Logger) -> RawDatabase {
        RawDatabase(dialect: .sqlite) { sql in
            let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            do {
                // The store's writer may be finishing a transaction: wait for it rather than fail with SQLITE_BUSY.
                _ = try await connection.query("PRAGMA busy_timeout = 5000")
                _ = try await connection.query(sql)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        }
    }

    /// Runs each statement on `database` of the test cluster over a connection of its own.
    static func postgres(cluster: PostgresTestCluster, database: String, logger: Logger) -> RawDatabase {
        // Test-only SQL written by the contract checks themselves, never built from input.
        RawDatabase(dialect: .postgres) { sql in try await cluster.execute(PostgresQuery(unsafeSQL: sql), in: database, logger: logger) }
    }
}
