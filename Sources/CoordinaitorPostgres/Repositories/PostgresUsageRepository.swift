import CoordinaitorDomain
import Foundation
import PostgresNIO

struct PostgresUsageRepository: UsageRepository {
    let database: PostgresDatabase

    func counters(in scope: TenantScope) async throws -> [UsageCounter] {
        let rows = try await self.database.rows(
            """
            SELECT metric, period, used FROM usage_counters
            WHERE organization_id = \(scope.organizationID.uuid)
            ORDER BY metric COLLATE "C", period COLLATE "C"
            """
        )
        return try rows.compactMap { row in
            var reader = PostgresRowReader(row, table: "usage_counters")
            // A metric this version does not know (written by a newer one) is left out rather than failing the read.
            guard let metric = UsageMetric(storageKey: try reader.string("metric")) else { return nil }
            return UsageCounter(metric: metric, period: try reader.string("period"), used: try reader.int64("used"))
        }
    }

    /// One transaction: the organizations that still exist are locked (`FOR KEY SHARE`, in id order) so that none can
    /// be purged half-way, then one upsert adds every count.
    func charge(in scope: TenantScope, _ charges: [UsageCharge], limits: UsageLimits) async throws {
        let logger = self.database.logger
        try await self.database.transaction { connection in
            try await PostgresUsageLedger.apply(charges, limits: limits, in: scope, on: connection, logger: logger)
        }
    }

    func addAPICalls(_ counts: [OrganizationID: Int64], period: UsagePeriod) async throws -> [OrganizationID: Int64] {
        let entries = counts.filter { $0.value >= 0 }.sorted { $0.key < $1.key }
        guard !entries.isEmpty else { return [:] }
        let ids = entries.map(\.key.uuid)
        let amounts = entries.map(\.value)
        let metric = UsageMetric.apiCallsPerMonth.storageKey
        let logger = self.database.logger
        return try await self.database.transaction { connection in
            _ = try await connection.rows(
                "SELECT id FROM organizations WHERE id = ANY(\(ids)::uuid[]) ORDER BY id FOR KEY SHARE",
                logger: logger
            )
            let rows = try await connection.rows(
                """
                INSERT INTO usage_counters (organization_id, metric, period, used)
                SELECT counted.organization_id, \(metric), \(period.key), counted.used
                FROM unnest(\(ids)::uuid[], \(amounts)::bigint[]) AS counted (organization_id, used)
                WHERE EXISTS (SELECT 1 FROM organizations WHERE id = counted.organization_id)
                ORDER BY counted.organization_id
                ON CONFLICT (organization_id, metric, period) DO UPDATE SET used = usage_counters.used + excluded.used
                RETURNING organization_id, used
                """,
                logger: logger
            )
            var totals: [OrganizationID: Int64] = [:]
            for row in rows {
                let (organizationID, used) = try row.decode((UUID, Int64).self)
                totals[OrganizationID(organizationID)] = used
            }
            return totals
        }
    }

    /// One statement, so every count comes from the same snapshot.
    func recount(in scope: TenantScope) async throws -> [UsageMetric: Int64] {
        try Self.capacities(try await self.database.rows(Self.recountQuery(scope)).first)
    }

    /// Locks the organization's current counters first: a counted write that commits before the lock is in the count,
    /// and one still running waits for the lock and applies its charge on top of the reconciled value.
    func reconcile(in scope: TenantScope, period: UsagePeriod) async throws -> [UsageMetric: Int64] {
        let logger = self.database.logger
        let organizationID = scope.organizationID.uuid
        return try await self.database.transaction { connection in
            _ = try await connection.rows(
                """
                SELECT metric FROM usage_counters WHERE organization_id = \(organizationID) AND period = \(UsageCounterPeriod.current)
                ORDER BY metric FOR UPDATE
                """,
                logger: logger
            )
            let values = try Self.capacities(try await connection.rows(Self.recountQuery(scope), logger: logger).first)
            for (metric, used) in values.sorted(by: { $0.key < $1.key }) {
                for counterPeriod in [UsageCounterPeriod.current, period.key] {
                    _ = try await connection.rows(
                        """
                        INSERT INTO usage_counters (organization_id, metric, period, used)
                        VALUES (\(organizationID), \(metric.storageKey), \(counterPeriod), \(used))
                        ON CONFLICT (organization_id, metric, period) DO UPDATE SET used = excluded.used
                        """,
                        logger: logger
                    )
                }
            }
            return values
        }
    }

    /// Every capacity counted from the rows themselves.
    private static func recountQuery(_ scope: TenantScope) -> PostgresQuery {
        let organizationID = scope.organizationID.uuid
        return """
            SELECT
                (SELECT COUNT(*) FROM memberships WHERE organization_id = \(organizationID)) AS users,
                (SELECT COUNT(*) FROM projects WHERE organization_id = \(organizationID)) AS projects,
                (SELECT COUNT(*) FROM agents WHERE organization_id = \(organizationID)) AS agents,
                (SELECT COUNT(*) FROM webhooks WHERE organization_id = \(organizationID)) AS webhooks,
                (SELECT COALESCE(SUM(stored_bytes), 0) FROM tasks WHERE organization_id = \(organizationID))::bigint
                    + (SELECT COALESCE(SUM(size), 0) FROM task_artifacts WHERE organization_id = \(organizationID))::bigint
                    AS storage_bytes
            """
    }

    private static func capacities(_ row: PostgresRow?) throws -> [UsageMetric: Int64] {
        guard let row else { return [:] }
        var reader = PostgresRowReader(row, table: "usage_counters")
        return [
            .users: try reader.int64("users"),
            .projects: try reader.int64("projects"),
            .agents: try reader.int64("agents"),
            .webhooks: try reader.int64("webhooks"),
            .storageBytes: try reader.int64("storage_bytes"),
        ]
    }
}
