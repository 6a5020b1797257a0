import Synchronization

/// The counters a charging write left behind, as its own transaction saw them.
///
/// The storage layer records each counter it changes, inside the write's transaction; the caller reads the receipt
/// once the write has returned. With it, whoever caches an organization's usage can bring its copy up to date
/// without reading the counters again. A write that throws leaves a receipt that must not be used.
package final class UsageReceipt: Sendable {
    /// One counter's value after the write: the row `metric` and `period` name (see ``UsageLimits/counterPeriod(for:)``).
    package struct Counter: Hashable, Sendable {
        package var metric: UsageMetric
        package var period: String
        package var used: Int64
    }

    private let counters = Mutex<[UsageMetric: Counter]>([:])

    package init() {}

    /// Called by storage for each counter row a charge changed; a later value of the same metric replaces an earlier
    /// one (a retried transaction records again).
    package func record(_ metric: UsageMetric, period: String, used: Int64) {
        self.counters.withLock { $0[metric] = Counter(metric: metric, period: period, used: used) }
    }

    /// The last value recorded per metric.
    package var recorded: [UsageMetric: Counter] { self.counters.withLock { $0 } }
}
