/// What a storage write is allowed to consume: the month it counts in and the organization's maximums.
///
/// Repositories that create or delete counted rows take one and, in the same transaction as the write, add to the
/// organization's counters only if the result stays within the maximum (a conditional update), so concurrent requests
/// can reach a limit but never pass it. They throw ``UsageLimitReachedError`` otherwise, and nothing is written.
package struct UsageLimits: Hashable, Sendable {
    package var period: UsagePeriod
    /// A metric absent from the table is unlimited (still counted).
    package var maximums: [UsageMetric: Int64]

    package init(period: UsagePeriod, maximums: [UsageMetric: Int64]) {
        self.period = period
        self.maximums = maximums
    }

    /// Counts everything and refuses nothing: for tools and tests that must not be limited.
    package static func unlimited(in period: UsagePeriod) -> UsageLimits { UsageLimits(period: period, maximums: [:]) }

    package func maximum(_ metric: UsageMetric) -> Int64? { self.maximums[metric] }

    /// The counter row a change of `metric` goes to: the month for monthly quotas, the current value otherwise.
    package func counterPeriod(for metric: UsageMetric) -> String {
        metric.kind == .monthly ? self.period.key : UsageCounterPeriod.current
    }
}

package enum UsageCounterPeriod {
    /// The `period` of the rows that hold capacities' current values. Months are `YYYY-MM`.
    package static let current = "current"
}

/// A change of one counter, applied with its limit check by the storage layer.
package struct UsageCharge: Hashable, Sendable {
    package var metric: UsageMetric
    /// Positive to consume, negative to release (releases are never refused).
    package var amount: Int64

    package init(_ metric: UsageMetric, _ amount: Int64) {
        self.metric = metric
        self.amount = amount
    }
}
