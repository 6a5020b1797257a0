/// One organization's figures for a month, with what the metrics need to label and price them: read for every
/// organization at once (``UsageRepository/totals(for:)``), so a metrics scrape costs one query, not one per tenant.
package struct OrganizationUsageTotals: Hashable, Sendable {
    package var organizationID: OrganizationID
    package var subdomain: String
    package var tier: Tier
    package var status: OrganizationStatus
    /// Capacities as they are now and the month's quotas; every ``UsageMetric`` is present (0 without a counter).
    package var usage: [UsageMetric: Int64]

    package init(organizationID: OrganizationID, subdomain: String, tier: Tier, status: OrganizationStatus, usage: [UsageMetric: Int64]) {
        self.organizationID = organizationID
        self.subdomain = subdomain
        self.tier = tier
        self.status = status
        self.usage = usage
    }

    /// The month's estimated cost at the standard rates.
    package var costEstimate: CostEstimate { CostEstimate(tier: self.tier, usage: self.usage) }

    /// One row of the join a backend runs for ``UsageRepository/totals(for:)``: an organization and one of its
    /// counter rows of the month or `current`, or no counter for an organization that has none.
    package struct JoinedRow: Sendable {
        package var organizationID: OrganizationID
        package var subdomain: String
        package var tier: Tier
        package var status: OrganizationStatus
        package var counter: UsageCounter?

        package init(organizationID: OrganizationID, subdomain: String, tier: Tier, status: OrganizationStatus, counter: UsageCounter?) {
            self.organizationID = organizationID
            self.subdomain = subdomain
            self.tier = tier
            self.status = status
            self.counter = counter
        }
    }

    /// Groups the joined rows by organization (in the order organizations first appear) and turns each group's
    /// counters into the figures of `period`, so both backends answer alike.
    package static func assemble(_ rows: [JoinedRow], period: UsagePeriod) -> [OrganizationUsageTotals] {
        var order: [OrganizationID] = []
        var groups: [OrganizationID: (first: JoinedRow, counters: [UsageCounter])] = [:]
        for row in rows {
            if groups[row.organizationID] == nil {
                order.append(row.organizationID)
                groups[row.organizationID] = (row, [])
            }
            if let counter = row.counter { groups[row.organizationID]?.counters.append(counter) }
        }
        return order.compactMap { id in
            guard let group = groups[id] else { return nil }
            return OrganizationUsageTotals(
                organizationID: id,
                subdomain: group.first.subdomain,
                tier: group.first.tier,
                status: group.first.status,
                usage: UsageCounters.figures(of: group.counters, for: period, current: period)
            )
        }
    }
}
