import CoordinaitorDomain
import Foundation
import Logging
import Synchronization

/// Feeds the per-organization usage and cost gauges of ``ServerMetrics`` from one query over every organization
/// (``UsageRepository/totals(for:)``), at most once per `maximumAge`: Prometheus may scrape every few seconds, and
/// several scrapers may be configured, without each scrape reading the database.
///
/// A scrape that arrives while a refresh runs does not wait for it; it reports the previous values. A failed read is
/// logged and the previous values stay until the next scrape tries again.
package final class OrganizationUsageSampler: Sendable {
    private struct State {
        var takenAt: Date?
        var isRefreshing = false
    }

    private let usage: any UsageRepository
    private let metrics: ServerMetrics
    private let time: any TimeSource
    private let maximumAge: TimeInterval
    private let logger: Logger
    private let state = Mutex(State())

    package init(usage: any UsageRepository, metrics: ServerMetrics, time: any TimeSource, maximumAge: TimeInterval = 15, logger: Logger) {
        self.usage = usage
        self.metrics = metrics
        self.time = time
        self.maximumAge = maximumAge
        self.logger = logger
    }

    /// Reads the totals again when the last read is older than `maximumAge` (or the clock went back).
    package func refreshIfStale() async {
        let now = self.time.now()
        let isDue = self.state.withLock { state in
            guard !state.isRefreshing else { return false }
            if let takenAt = state.takenAt, takenAt <= now, now.timeIntervalSince(takenAt) < self.maximumAge { return false }
            state.isRefreshing = true
            return true
        }
        guard isDue else { return }
        do {
            let totals = try await self.usage.totals(for: UsagePeriod(containing: now))
            self.metrics.updateOrganizationUsage(totals)
            self.state.withLock { $0 = State(takenAt: now, isRefreshing: false) }
        } catch {
            self.state.withLock { $0.isRefreshing = false }
            self.logger.warning(
                "Could not read usage totals for the metrics; keeping the previous values",
                metadata: ["error": "\(String(reflecting: error))", "log.namespace": "metrics"]
            )
        }
    }
}
