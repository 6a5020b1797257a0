import CoordinaitorDomain
import Foundation
import Logging
import SQLiteNIO

/// Applies pending migrations and reports the schema version.
struct SQLiteMigrator: Sendable {
    let connections: SQLiteConnections
    let logger: Logger

    /// Applies each pending migration in its own `BEGIN IMMEDIATE` transaction. The applied versions are re-read inside
    /// that transaction, so a second process migrating the same file at once applies nothing twice.
    func migrate() async throws -> [Int] {
        try await self.connections.write { transaction in
            _ = try transaction.query(SQLiteMigrations.bookkeeping)
        }
        var applied: [Int] = []
        for migration in SQLiteMigrations.all {
            let didApply = try await self.connections.write { transaction in
                let existing = try transaction.query(
                    "SELECT version FROM schema_migrations WHERE version = ?",
                    [.integer(SQLiteInt64(migration.version))]
                )
                guard existing.isEmpty else { return false }
                for statement in migration.statements {
                    try transaction.query(statement)
                }
                try transaction.query(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    [.integer(SQLiteInt64(migration.version)), .text(migration.name), .date(Date())]
                )
                return true
            }
            if didApply {
                self.logger.info("Applied SQLite migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                applied.append(migration.version)
            }
        }
        return applied
    }

    /// The highest applied version (0 before the first migration); throws when the database cannot be read.
    func appliedVersion() async throws -> Int {
        try await self.connections.read { connection in
            let table = try connection.query(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            )
            guard !table.isEmpty else { return 0 }
            let rows = try connection.query("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations")
            guard let row = rows.first else { return 0 }
            return try SQLiteRowReader(row, table: "schema_migrations").int("version")
        }
    }
}
