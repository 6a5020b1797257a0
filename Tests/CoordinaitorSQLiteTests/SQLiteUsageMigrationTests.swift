@testable import CoordinaitorSQLite
import CoordinaitorDomain
import CoordinaitorTesting
import Foundation
import Testing

/// Migration 4 counts what a database already holds, so counters start equal to the rows.
@Suite("SQLite usage migration")
struct SQLiteUsageMigrationTests {
    private static let acme = UUID().uuidString.lowercased()
    private static let ann = UUID().uuidString.lowercased()
    private static let bob = UUID().uuidString.lowercased()
    private static let task = UUID().uuidString.lowercased()
    /// 2025-11-24T16:00:00.123Z in milliseconds.
    private static let createdAt = 1_764_000_000_123

    private static func seed() throws -> [String] {
        let settings = String(decoding: try JSONEncoder().encode(OrganizationSettings()), as: UTF8.self)
        return [
            """
            INSERT INTO organizations (id, name, display_name, subdomain, domain, tier, status, contact_email, settings, created_at, updated_at, created_by)
            VALUES ('\(acme)', 'acme', 'Acme', 'acme', NULL, 'starter', 'active', 'a@acme.example', '\(settings)', \(createdAt), \(createdAt), NULL)
            """,
            """
            INSERT INTO users (id, email, name, password_hash, status, is_super_admin, created_at, updated_at)
            VALUES ('\(ann)', 'ann@example.com', 'Ann', 'x', 'active', 0, 0, 0), ('\(bob)', 'bob@example.com', 'Bob', 'x', 'active', 0, 0, 0)
            """,
            """
            INSERT INTO memberships (organization_id, user_id, role, created_at, updated_at)
            VALUES ('\(acme)', '\(ann)', 'owner', 0, 0), ('\(acme)', '\(bob)', 'member', 0, 0)
            """,
            """
            INSERT INTO projects (organization_id, id, name, description, status, created_at, updated_at)
            VALUES ('\(acme)', '\(UUID().uuidString.lowercased())', 'website', NULL, 'active', 0, 0)
            """,
            """
            INSERT INTO agents (organization_id, id, name, provider, capabilities, status, max_concurrent_tasks, created_at, updated_at)
            VALUES ('\(acme)', '\(UUID().uuidString.lowercased())', 'reviewer', 'claude', '[]', 'idle', 1, 0, 0)
            """,
            // 7 + 6 bytes of JSON text, and a task without any.
            """
            INSERT INTO tasks (organization_id, id, title, description, type, status, priority, project_id, assigned_agent_id, input, output, created_at, updated_at, started_at, completed_at)
            VALUES
                ('\(acme)', '\(task)', 'with data', NULL, 'general', 'completed', 'low', NULL, NULL, '{"a":1}', '"done"', \(createdAt), \(createdAt), NULL, NULL),
                ('\(acme)', '\(UUID().uuidString.lowercased())', 'empty', NULL, 'general', 'pending', 'low', NULL, NULL, NULL, NULL, \(createdAt), \(createdAt), NULL, NULL)
            """,
        ]
    }

    @Test func countsExistingRows() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let connections = try await SQLiteConnections.open(
            path: directory.appendingPathComponent("store.sqlite").path, readerCount: 1, logger: testLogger())
        do {
            let seed = try Self.seed()
            try await connections.write { transaction in
                try transaction.query(SQLiteMigrations.bookkeeping)
                for migration in SQLiteMigrations.all where migration.version < 4 {
                    for statement in migration.statements { try transaction.query(statement) }
                    try transaction.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(migration.version), 'seed', 0)")
                }
                for statement in seed { try transaction.query(statement) }
            }

            let applied = try await SQLiteMigrator(connections: connections, logger: testLogger()).migrate()
            #expect(applied.first == 4)

            let organizationID = try #require(OrganizationID(Self.acme))
            let scope = TenantScope(organizationID: organizationID)
            let usage = SQLiteUsageRepository(connections: connections)
            let recount = try await usage.recount(in: scope)
            #expect(recount == [.users: 2, .projects: 1, .agents: 1, .webhooks: 0, .storageBytes: 13])
            let counters = try await usage.counters(in: scope)
            for (metric, value) in recount where metric != .webhooks {
                #expect(counters.contains(UsageCounter(metric: metric, period: UsageCounterPeriod.current, used: value)))
                #expect(counters.contains(UsageCounter(metric: metric, period: UsagePeriod(containing: Date()).key, used: value)))
            }
            #expect(counters.contains(UsageCounter(metric: .tasksPerMonth, period: "2025-11", used: 2)))
            #expect(try await SQLiteOrganizationRepository(connections: connections).find(.id(organizationID))?.planOverrides == PlanOverrides())

            // Deleting the task releases what the migration counted for it.
            let taskID = try #require(TaskID(Self.task))
            try await SQLiteTaskRepository(connections: connections).delete(in: scope, id: taskID, limits: .unlimited(in: UsagePeriod(containing: Date())))
            #expect(try await usage.counters(in: scope).contains(UsageCounter(metric: .storageBytes, period: UsageCounterPeriod.current, used: 0)))
            #expect(try await usage.recount(in: scope)[.storageBytes] == 0)
        } catch {
            try? await connections.close()
            throw error
        }
        try await connections.close()
    }
}
