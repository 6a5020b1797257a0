@testable import CoordinaitorPostgres
import CoordinaitorDomain
import CoordinaitorTesting
import Foundation
import PostgresNIO
import Testing

/// Migration 4 counts what a database already holds, so counters start equal to the rows.
@Suite("PostgreSQL usage migration")
struct PostgresUsageMigrationTests {
    private static let acme = UUID()
    private static let task = UUID()

    private static func seed() throws -> [PostgresQuery] {
        let settings = String(decoding: try JSONEncoder().encode(OrganizationSettings()), as: UTF8.self)
        let (ann, bob) = (UUID(), UUID())
        let createdAt = MillisecondTimestamp(TestDates.base)
        return [
            """
            INSERT INTO organizations (id, name, display_name, subdomain, domain, tier, status, contact_email, settings, created_at, updated_at, created_by)
            VALUES (\(acme), 'acme', 'Acme', 'acme', NULL, 'starter', 'active', 'a@acme.example', \(settings)::jsonb, \(createdAt), \(createdAt), NULL)
            """,
            """
            INSERT INTO users (id, email, name, password_hash, status, is_super_admin, created_at, updated_at)
            VALUES (\(ann), 'ann@example.com', 'Ann', 'x', 'active', false, \(createdAt), \(createdAt)),
                   (\(bob), 'bob@example.com', 'Bob', 'x', 'active', false, \(createdAt), \(createdAt))
            """,
            """
            INSERT INTO memberships (organization_id, user_id, role, created_at, updated_at)
            VALUES (\(acme), \(ann), 'owner', \(createdAt), \(createdAt)), (\(acme), \(bob), 'member', \(createdAt), \(createdAt))
            """,
            """
            INSERT INTO projects (organization_id, id, name, description, status, created_at, updated_at)
            VALUES (\(acme), \(UUID()), 'website', NULL, 'active', \(createdAt), \(createdAt))
            """,
            """
            INSERT INTO agents (organization_id, id, name, provider, capabilities, status, max_concurrent_tasks, created_at, updated_at)
            VALUES (\(acme), \(UUID()), 'reviewer', 'claude', '[]', 'idle', 1, \(createdAt), \(createdAt))
            """,
            // `{"a": 1}` and `"done"` as jsonb text: 8 + 6 bytes; and a task without any.
            """
            INSERT INTO tasks (organization_id, id, title, description, type, status, priority, project_id, assigned_agent_id, input, output, created_at, updated_at, started_at, completed_at)
            VALUES
                (\(acme), \(task), 'with data', NULL, 'general', 'completed', 'low', NULL, NULL, '{"a":1}'::jsonb, '"done"'::jsonb, \(createdAt), \(createdAt), NULL, NULL),
                (\(acme), \(UUID()), 'empty', NULL, 'general', 'pending', 'low', NULL, NULL, NULL, NULL, \(createdAt), \(createdAt), NULL, NULL)
            """,
        ]
    }

    @Test func countsExistingRows() async throws {
        let logger = testLogger()
        try await PostgresTestCluster.shared().withFreshDatabase(logger: logger) { client in
            try await Self.check(client: client, logger: logger)
        }
    }

    private static func check(client: PostgresClient, logger: Logger) async throws {
        let seed = try Self.seed()
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: PostgresMigrations.bookkeeping), logger: logger)
            for migration in PostgresMigrations.all where migration.version < 4 {
                for statement in migration.statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
                try await connection.query("INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), 'seed')", logger: logger)
            }
            for statement in seed { try await connection.query(statement, logger: logger) }
        }

        let applied = try await PostgresMigrator(client: client, logger: logger).migrate()
        #expect(applied.first == 4)

        let database = PostgresDatabase(client: client, logger: logger)
        let scope = TenantScope(organizationID: OrganizationID(Self.acme))
        let usage = PostgresUsageRepository(database: database)
        let recount = try await usage.recount(in: scope)
        #expect(recount == [.users: 2, .projects: 1, .agents: 1, .webhooks: 0, .storageBytes: 14])
        let counters = try await usage.counters(in: scope)
        for (metric, value) in recount where metric != .webhooks {
            #expect(counters.contains(UsageCounter(metric: metric, period: UsageCounterPeriod.current, used: value)))
            #expect(counters.contains(UsageCounter(metric: metric, period: UsagePeriod(containing: Date()).key, used: value)))
        }
        #expect(counters.contains(UsageCounter(metric: .tasksPerMonth, period: UsagePeriod(containing: TestDates.base).key, used: 2)))
        let organization = try await PostgresOrganizationRepository(database: database).find(.id(OrganizationID(Self.acme)))
        #expect(organization?.planOverrides == PlanOverrides())

        // Deleting the task releases what the migration counted for it.
        let limits = UsageLimits.unlimited(in: UsagePeriod(containing: Date()))
        try await PostgresTaskRepository(database: database).delete(in: scope, id: TaskID(Self.task), limits: limits)
        #expect(try await usage.counters(in: scope).contains(UsageCounter(metric: .storageBytes, period: UsageCounterPeriod.current, used: 0)))
        #expect(try await usage.recount(in: scope)[.storageBytes] == 0)
    }
}
