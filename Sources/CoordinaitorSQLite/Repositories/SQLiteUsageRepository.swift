import CoordinaitorDomain
import SQLiteNIO

struct SQLiteUsageRepository: UsageRepository {
    let connections: SQLiteConnections

    func counters(in scope: TenantScope) async throws -> [UsageCounter] {
        let sql = "SELECT metric, period, used FROM usage_counters WHERE organization_id = ? ORDER BY metric, period"
        let rows = try await self.connections.read { try $0.query(sql, [.id(scope.organizationID)]) }
        return try rows.compactMap { row in
            let reader = SQLiteRowReader(row, table: "usage_counters")
            // A metric this version does not know (written by a newer one) is left out rather than failing the read.
            guard let metric = UsageMetric(storageKey: try reader.string("metric")) else { return nil }
            return UsageCounter(metric: metric, period: try reader.string("period"), used: Int64(try reader.int("used")))
        }
    }

    /// One statement per organization in one transaction; the single writer makes the existence check exact.
    func charge(in scope: TenantScope, _ charges: [UsageCharge], limits: UsageLimits) async throws {
        try await self.connections.write { transaction in
            try SQLiteUsageLedger.apply(charges, limits: limits, in: scope, transaction: transaction)
        }
    }

    func addAPICalls(_ counts: [OrganizationID: Int64], period: UsagePeriod) async throws -> [OrganizationID: Int64] {
        let entries = counts.filter { $0.value >= 0 }.sorted { $0.key < $1.key }
        guard !entries.isEmpty else { return [:] }
        // SQLite needs the WHERE clause on an INSERT … SELECT with an upsert (else ON would parse as a join).
        let sql = """
            INSERT INTO usage_counters (organization_id, metric, period, used)
            SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM organizations WHERE id = ?1)
            ON CONFLICT (organization_id, metric, period) DO UPDATE SET used = usage_counters.used + excluded.used
            RETURNING used
            """
        let metric = SQLiteData.text(UsageMetric.apiCallsPerMonth.storageKey)
        return try await self.connections.write { transaction in
            var totals: [OrganizationID: Int64] = [:]
            for (organizationID, count) in entries {
                let rows = try transaction.query(sql, [.id(organizationID), metric, .text(period.key), .integer(SQLiteInt64(count))])
                if let row = rows.first {
                    totals[organizationID] = Int64(try SQLiteRowReader(row, table: "usage_counters").int("used"))
                }
            }
            return totals
        }
    }

    /// One statement, so every count comes from the same snapshot.
    /// Every capacity counted from the rows themselves.
    private static let recountSQL = """
        SELECT
            (SELECT COUNT(*) FROM memberships WHERE organization_id = ?1) AS users,
            (SELECT COUNT(*) FROM projects WHERE organization_id = ?1) AS projects,
            (SELECT COUNT(*) FROM agents WHERE organization_id = ?1) AS agents,
            (SELECT COUNT(*) FROM webhooks WHERE organization_id = ?1) AS webhooks,
            (SELECT COALESCE(SUM(stored_bytes), 0) FROM tasks WHERE organization_id = ?1)
                + (SELECT COALESCE(SUM(size), 0) FROM task_artifacts WHERE organization_id = ?1) AS storage_bytes
        """

    func recount(in scope: TenantScope) async throws -> [UsageMetric: Int64] {
        let rows = try await self.connections.read { try $0.query(Self.recountSQL, [.id(scope.organizationID)]) }
        return try Self.capacities(rows.first)
    }

    /// The single writer makes the count and the writes one consistent step.
    func reconcile(in scope: TenantScope, period: UsagePeriod) async throws -> [UsageMetric: Int64] {
        let upsert = """
            INSERT INTO usage_counters (organization_id, metric, period, used) VALUES (?, ?, ?, ?)
            ON CONFLICT (organization_id, metric, period) DO UPDATE SET used = excluded.used
            """
        return try await self.connections.write { transaction in
            let values = try Self.capacities(try transaction.query(Self.recountSQL, [.id(scope.organizationID)]).first)
            for (metric, used) in values.sorted(by: { $0.key < $1.key }) {
                for counterPeriod in [UsageCounterPeriod.current, period.key] {
                    try transaction.query(
                        upsert, [.id(scope.organizationID), .text(metric.storageKey), .text(counterPeriod), .integer(SQLiteInt64(used))])
                }
            }
            return values
        }
    }

    private static func capacities(_ row: SQLiteResultRow?) throws -> [UsageMetric: Int64] {
        guard let row else { return [:] }
        let reader = SQLiteRowReader(row, table: "usage_counters")
        return [
            .users: Int64(try reader.int("users")),
            .projects: Int64(try reader.int("projects")),
            .agents: Int64(try reader.int("agents")),
            .webhooks: Int64(try reader.int("webhooks")),
            .storageBytes: Int64(try reader.int("storage_bytes")),
        ]
    }
}
