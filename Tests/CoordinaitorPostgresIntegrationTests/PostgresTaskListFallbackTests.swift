@testable import CoordinaitorPostgres
import CoordinaitorDomain
import CoordinaitorTesting
import Foundation
import PostgresNIO
import Testing

/// The unfiltered task list runs as a prepared statement; where a connection cannot prepare it (a pooler in
/// transaction mode refuses named statements, and PostgresNIO keeps a failed preparation for the connection's life),
/// the list falls back to the ad-hoc query and serves the same pages.
@Suite("PostgreSQL task list without its prepared statement")
struct PostgresTaskListFallbackTests {
    @Test func aConnectionThatCannotPrepareStillServesEveryPage() async throws {
        let logger = testLogger()
        // One connection: the statement taken below is on the connection every list runs on.
        try await PostgresTestCluster.shared().withFreshDatabase(maximumConnections: 1, logger: logger) { client in
            try await Self.check(client: client, logger: logger)
        }
    }

    private static func check(client: PostgresClient, logger: Logger) async throws {
        _ = try await PostgresMigrator(client: client, logger: logger).migrate()
        // Two organizations whose task ids interleave: a page of one must never reach into the other.
        let acme = try await Self.organization("acme", tasks: 5, client: client, logger: logger)
        let globex = try await Self.organization("globex", tasks: 5, client: client, logger: logger)
        // The name PostgresNIO gives the first page's statement, taken on the only connection: preparing it fails there.
        try await client.query(PostgresQuery(unsafeSQL: #"PREPARE "\#(PostgresTaskPageStatements.First.name)" AS SELECT 1"#), logger: logger)

        let tasks = PostgresTaskRepository(database: PostgresDatabase(client: client, logger: logger))
        for (organization, ids) in [acme, globex] {
            let scope = TenantScope(organizationID: OrganizationID(organization))
            var listed: [UUID] = []
            var cursor: String?
            repeat {
                let page = try await tasks.list(in: scope, filter: TaskFilter(), page: PageRequest(limit: 2, after: cursor))
                listed += page.items.map(\.id.uuid)
                #expect(page.items.allSatisfy { $0.organizationID.uuid == organization && $0.inputJSON?.value == .object(["n": .number(1)]) })
                cursor = page.nextCursor
            } while cursor != nil
            #expect(listed == ids.reversed())
            // And again: the failed preparation is kept for the connection's life, and so is the fallback.
            let first = try await tasks.list(in: scope, filter: TaskFilter(), page: PageRequest(limit: 2))
            #expect(first.items.map(\.id.uuid) == Array(ids.reversed().prefix(2)))
        }

        // The first page really went without its statement (the name still holds ours), and later pages kept theirs.
        var prepared: [String] = []
        for try await statement in try await client.query("SELECT statement FROM pg_prepared_statements", logger: logger).decode(String.self) {
            prepared.append(statement)
        }
        #expect(!prepared.contains { $0.contains(PostgresTaskPageStatements.First.sql) })
        #expect(prepared.contains { $0.contains(PostgresTaskPageStatements.After.sql) })
    }

    /// Inserts an organization named `name` with `tasks` tasks; returns its id and the tasks' ids in ascending order
    /// (the list, newest first by id, returns them reversed).
    private static func organization(_ name: String, tasks: Int, client: PostgresClient, logger: Logger) async throws -> (UUID, [UUID]) {
        let organization = UUID()
        let settings = String(decoding: try JSONEncoder().encode(OrganizationSettings()), as: UTF8.self)
        let createdAt = MillisecondTimestamp(TestDates.base)
        try await client.query(
            """
            INSERT INTO organizations (id, name, display_name, subdomain, domain, tier, status, contact_email, settings, created_at, updated_at, created_by)
            VALUES (\(organization), \(name), \(name), \(name), NULL, 'starter', 'active', \("owner@\(name).example"), \(settings)::jsonb, \(createdAt), \(createdAt), NULL)
            """,
            logger: logger
        )
        let ids = (0..<tasks).map { _ in UUID() }.sorted { $0.uuidString < $1.uuidString }
        for (index, id) in ids.enumerated() {
            try await client.query(
                """
                INSERT INTO tasks (organization_id, id, title, description, type, status, priority, project_id, assigned_agent_id, input, output, created_at, updated_at, started_at, completed_at)
                VALUES (\(organization), \(id), \("task \(index)"), NULL, 'general', 'pending', 'low', NULL, NULL, '{"n": 1}'::jsonb, NULL, \(createdAt), \(createdAt), NULL, NULL)
                """,
                logger: logger
            )
        }
        return (organization, ids)
    }
}
