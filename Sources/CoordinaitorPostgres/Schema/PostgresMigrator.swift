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
            // `transaction` and `checkedQuery` rather than PostgresNIO's own: they fail at once on a closed connection
            // (see PostgresConnection+Checked.swift), so a database going down during start-up cannot stall it.
            let didApply = try await self.client.withConnection { connection in
                try await connection.transaction(logger: self.logger) { connection in
                    try await self.apply(migration, on: connection)
                }
            }
            if didApply {
                self.logger.info("Applied PostgreSQL migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                applied.append(migration.version)
            }
        }
        return applied
    }

    /// Applies `migration` inside the caller's transaction unless it was applied already; returns whether it applied.
    private func apply(_ migration: PostgresMigration, on connection: PostgresConnection) async throws -> Bool {
        try await connection.checkedQuery("SELECT pg_advisory_xact_lock(\(PostgresMigrations.advisoryLockKey))", logger: self.logger)
        // Created under the lock: concurrent `CREATE TABLE IF NOT EXISTS` can still collide on the catalog.
        try await connection.checkedQuery(PostgresQuery(unsafeSQL: PostgresMigrations.bookkeeping), logger: self.logger)
        let existing = try await connection.checkedQuery(
            "SELECT version FROM schema_migrations WHERE version = \(migration.version)",
            logger: self.logger
        )
        for try await _ in existing { return false }
        for statement in migration.statements {
            // Constant DDL from `PostgresMigrations`, never built from input.
            try await connection.checkedQuery(PostgresQuery(unsafeSQL: statement), logger: self.logger)
        }
        try await connection.checkedQuery(
            "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
            logger: self.logger
        )
        return true
    }

    /// The highest applied version (0 before the first migration); throws when the database cannot be reached.
    func appliedVersion() async throws -> Int {
        // Two statements: a query naming a missing table fails to plan, even in a branch that would not run.
        try await self.client.withConnection { connection in
            let table = try await connection.checkedQuery("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: self.logger)
            for try await exists in table.decode(Bool.self) where !exists { return 0 }
            let rows = try await connection.checkedQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", logger: self.logger)
            for try await version in rows.decode(Int.self) { return version }
            return 0
        }
    }
}
