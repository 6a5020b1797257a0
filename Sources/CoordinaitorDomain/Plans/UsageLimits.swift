/// What a storage write is allowed to consume: the month it counts in and the organization's maximums.
///
/// Repositories that create or delete counted rows take one and, in the same transaction as the write, add to the
/// organization's counters only if the result stays within the maximum (a conditional update), so concurrent requests
/// can reach a limit but never pass it. They throw ``UsageLimitReachedError`` otherwise, and nothing is written.
package struct UsageLimits: Hashable, Sendable {
    package var period: UsagePeriod
    /// A metric absent from the table is unlimited (still counted).
    package var maximums: [UsageMetric: Int64]
    /// Where storage reports the counters the write changed. Not part of the limits' value: two limits with the same
    /// period and maximums are equal whatever their receipts hold.
    package let receipt: UsageReceipt

    package init(period: UsagePeriod, maximums: [UsageMetric: Int64], receipt: UsageReceipt = UsageReceipt()) {
        self.period = period
        self.maximums = maximums
        self.receipt = receipt
    }

    package static func == (lhs: UsageLimits, rhs: UsageLimits) -> Bool {
        lhs.period == rhs.period && lhs.maximums == rhs.maximums
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(self.period)
        hasher.combine(self.maximums)
    }

    /// Counts everything and refuses nothing: for tools and tests that must not be limited.
    package static func unlimited(in period: UsagePeriod) -> UsageLimits { UsageLimits(period: period, maximums: [:]) }

    package func maximum(_ metric: UsageMetric) -> Int64? { self.maximums[metric] }

    /// The counter row a change of `metric` goes to: the month for monthly quotas, the current value otherwise.
    package func counterPeriod(for metric: UsageMetric) -> String {
        UsageCounterPeriod.key(for: metric, in: self.period)
    }
}

package enum UsageCounterPeriod {
    /// The counter row of `metric` while `period` is the month: the month for monthly quotas, `current` otherwise.
    package static func key(for metric: UsageMetric, in period: UsagePeriod) -> String {
        metric.kind == .monthly ? period.key : Self.current
    }

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
