import Logging
import PostgresNIO

/// Applies pending migrations and reports the schema version.
struct PostgresMigrator: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// Applies each pending migration in its own transaction. Each transaction first takes a transaction-scoped
    /// advisory lock and re-reads the applied versions, so servers starting together apply nothing twice.
    func migrate() async throws -> [Int] {
        var applied: [Int] = []
        for migration in PostgresMigrations.all {
            let didApply = try await self.client.withTransaction(logger: self.logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresMigrations.advisoryLockKey))", logger: self.logger)
                // Created under the lock: concurrent `CREATE TABLE IF NOT EXISTS` can still collide on the catalog.
                try await connection.query(PostgresQuery(unsafeSQL: PostgresMigrations.bookkeeping), logger: self.logger)
                let existing = try await connection.query(
                    "SELECT version FROM schema_migrations WHERE version = \(migration.version)",
                    logger: self.logger
                )
                for try await _ in existing { return false }
                for statement in migration.statements {
                    // Constant DDL from `PostgresMigrations`, never built from input.
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: self.logger
                )
                return true
            }
            if didApply {
                self.logger.info("Applied PostgreSQL migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                applied.append(migration.version)
            }
        }
        return applied
    }

    /// The highest applied version (0 before the first migration); throws when the database cannot be reached.
    func appliedVersion() async throws -> Int {
        // Two statements: a query naming a missing table fails to plan, even in a branch that would not run.
        let table = try await self.client.query("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: self.logger)
        for try await exists in table.decode(Bool.self) where !exists { return 0 }
        let rows = try await self.client.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", logger: self.logger)
        for try await version in rows.decode(Int.self) { return version }
        return 0
    }
}
