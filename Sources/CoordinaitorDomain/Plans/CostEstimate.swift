/// What an organization's month is estimated to cost, in US cents: the list price of its tier plus its metered usage.
///
/// This is the platform's cost tracking, shown per organization in the metrics so operators can see revenue and
/// heavy users at a glance. It is an estimate, not an invoice: no proration for a tier change within the month, no
/// allowance deducted from the metered usage, and the organization's status is not considered (a suspended
/// organization is estimated like an active one).
///
/// Metered usage is priced by ``Rates``: stored bytes as they are now, taken as the level for the whole month
/// (GiB-months), and the month's API calls and agent executions. Each line is rounded to the nearest cent on its own,
/// so the total is the sum of what a bill would list.
package struct CostEstimate: Hashable, Sendable {
    /// Prices of metered usage. Integers so that the estimate is exact and the same on every node.
    package struct Rates: Hashable, Sendable {
        /// Cents per GiB (2³⁰ bytes) stored for a month.
        package var storageCentsPerGiBMonth: Int64
        /// Cents per 1,000 API calls.
        package var apiCallCentsPerThousand: Int64
        /// Cents per agent execution.
        package var agentExecutionCents: Int64

        package init(storageCentsPerGiBMonth: Int64, apiCallCentsPerThousand: Int64, agentExecutionCents: Int64) {
            self.storageCentsPerGiBMonth = storageCentsPerGiBMonth
            self.apiCallCentsPerThousand = apiCallCentsPerThousand
            self.agentExecutionCents = agentExecutionCents
        }

        /// The documented rates (README, "Monitoring"): $0.10 per GiB-month, $0.01 per 1,000 API calls and $0.02 per
        /// agent execution.
        package static let standard = Rates(storageCentsPerGiBMonth: 10, apiCallCentsPerThousand: 1, agentExecutionCents: 2)
    }

    /// The tier's monthly list price.
    package var listPriceCents: Int64
    package var storageCents: Int64
    package var apiCallCents: Int64
    package var agentExecutionCents: Int64

    /// - Parameter usage: the month's figures (``UsageCounters/figures(of:for:current:)``); a missing metric counts 0.
    package init(tier: Tier, usage: [UsageMetric: Int64], rates: Rates = .standard) {
        self.listPriceCents = Int64(TierCatalog.plan(for: tier).monthlyPriceCents)
        self.storageCents = Self.priced(usage[.storageBytes], at: rates.storageCentsPerGiBMonth, per: 1 << 30)
        self.apiCallCents = Self.priced(usage[.apiCallsPerMonth], at: rates.apiCallCentsPerThousand, per: 1_000)
        self.agentExecutionCents = Self.priced(usage[.agentExecutionsPerMonth], at: rates.agentExecutionCents, per: 1)
    }

    /// The metered lines together.
    package var meteredCents: Int64 { self.storageCents + self.apiCallCents + self.agentExecutionCents }

    package var totalCents: Int64 { self.listPriceCents + self.meteredCents }

    /// `quantity × cents / unit`, rounded half up. Negative quantities (which counters never hold) count as none.
    /// The product is split into whole units and a remainder so that a large quantity cannot overflow; an absurd one
    /// saturates at a value that still leaves room to add the other lines.
    private static func priced(_ quantity: Int64?, at cents: Int64, per unit: Int64) -> Int64 {
        let quantity = max(quantity ?? 0, 0)
        let wholeUnits = quantity / unit
        let remainder = quantity % unit
        let (wholeCents, overflow) = wholeUnits.multipliedReportingOverflow(by: cents)
        guard !overflow else { return .max / 4 }
        return wholeCents + (remainder * cents + unit / 2) / unit
    }
}
