import CoordinaitorDomain
import PostgresNIO

extension PostgresUsageRepository {
    /// One statement: each organization joined to its counter rows of the month and `current` (an organization
    /// without counters comes back once, with nulls), so every figure comes from the same snapshot.
    func totals(for period: UsagePeriod) async throws -> [OrganizationUsageTotals] {
        let rows = try await self.database.rows(
            """
            SELECT o.id, o.subdomain, o.tier, o.status, c.metric, c.period, c.used
            FROM organizations AS o
            LEFT JOIN usage_counters AS c ON c.organization_id = o.id AND c.period IN ('current', \(period.key))
            ORDER BY o.id
            """
        )
        let joined = try rows.map { row in
            var reader = PostgresRowReader(row, table: "usage_counters")
            var counter: UsageCounter?
            // A metric this version does not know (written by a newer one) is left out, as in `counters(in:)`.
            if let key = try reader.optionalString("metric"), let metric = UsageMetric(storageKey: key) {
                counter = UsageCounter(metric: metric, period: try reader.string("period"), used: try reader.int64("used"))
            }
            return OrganizationUsageTotals.JoinedRow(
                organizationID: try reader.id("id"),
                subdomain: try reader.string("subdomain"),
                tier: try reader.value("tier"),
                status: try reader.value("status"),
                counter: counter
            )
        }
        return OrganizationUsageTotals.assemble(joined, period: period)
    }
}
