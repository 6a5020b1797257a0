import CoordinaitorDomain
import Logging
import ServiceLifecycle
import Synchronization

/// Counts authenticated tenant API calls in memory against the monthly quota, and writes the counts in batches.
///
/// Each organization's total for the month is read once, then kept as "persisted + counted since". A flush (every
/// `interval`, and on graceful shutdown) adds what was counted in one transaction for all organizations and learns
/// the new totals, which include other nodes' calls. So one node is exact; with several nodes, an organization can
/// pass its quota by at most what the other nodes admit between two flushes (documented in the README).
package final class APICallMeter: Service, Sendable {
    private struct Key: Hashable {
        var organization: OrganizationID
        var period: UsagePeriod
    }

    private struct Entry {
        /// The stored total when last read or flushed; nil until first read.
        var persisted: Int64?
        /// Admitted and not yet handed to a flush.
        var pending: Int64 = 0
        /// Handed to a flush that has not finished.
        var inFlight: Int64 = 0

        var used: Int64 { (self.persisted ?? 0) + self.pending + self.inFlight }
    }

    private let state = Mutex<[Key: Entry]>([:])
    private let usage: any UsageRepository
    private let time: any TimeSource
    private let interval: Duration
    private let logger: Logger
    /// Counts calls refused by the monthly quota (the metrics).
    private let limitObserver: (any LimitEnforcementObserver)?

    package init(
        usage: any UsageRepository, time: any TimeSource, interval: Duration = .seconds(1), limitObserver: (any LimitEnforcementObserver)? = nil,
        logger: Logger
    ) {
        self.usage = usage
        self.time = time
        self.interval = interval
        self.limitObserver = limitObserver
        self.logger = logger.scoped(.usageMeter)
    }

    /// Counts one call of `organization`, or throws ``LimitExceededError`` when its monthly quota is used up
    /// (the call is then not counted). Returns the month's total including this call.
    @discardableResult
    package func admit(_ organization: Organization) async throws -> Int64 {
        let now = self.time.now()
        let period = UsagePeriod(containing: now)
        let key = Key(organization: organization.id, period: period)
        if self.state.withLock({ $0[key]?.persisted == nil }) {
            do {
                let stored = try await self.storedTotal(of: organization.id, in: period)
                self.state.withLock { state in
                    if state[key]?.persisted == nil { state[key, default: Entry()].persisted = stored }
                }
            } catch {
                // Fail open: the call is counted, and the stored total is read again on the next call. A database
                // hiccup should not turn every request into an error; the flush adds these counts all the same.
                self.logger.warning("Could not read API call usage; admitting the call", metadata: ["error": "\(String(reflecting: error))"])
            }
        }
        let maximum = organization.plan.limit(.apiCallsPerMonth)
        let admitted: Result<Int64, LimitExceededError> = self.state.withLock { state in
            var entry = state[key, default: Entry()]
            if let maximum, entry.used >= maximum {
                let exceeded = LimitExceededError(
                    metric: .apiCallsPerMonth, used: entry.used, maximum: maximum, tier: organization.tier, resetsAt: period.end, now: now
                )
                return .failure(exceeded)
            }
            entry.pending += 1
            state[key] = entry
            return .success(entry.used)
        }
        if case .failure(let exceeded) = admitted { self.limitObserver?.limitExceeded(exceeded.metric, in: organization.id) }
        return try admitted.get()
    }

    /// The month's total as this node knows it (stored plus counted here), or nil before the first call this month.
    package func used(by organization: OrganizationID, in period: UsagePeriod) -> Int64? {
        self.state.withLock { state in
            state[Key(organization: organization, period: period)].flatMap { $0.persisted == nil ? nil : $0.used }
        }
    }

    /// Writes what was counted since the last flush; on failure it is kept for the next one. Returns once everything
    /// counted before the call is written (or given back), including batches an earlier flush was still writing.
    package func flush() async {
        // A flush already writing holds counts in flight; wait for it so that "flushed" means written. Bounded: a
        // write that hangs longer than the database's own timeouts gives its counts back.
        var waited = 0
        while self.state.withLock({ $0.values.contains { $0.inFlight > 0 } }), waited < 500 {
            try? await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        let batches: [UsagePeriod: [OrganizationID: Int64]] = self.state.withLock { state in
            var batches: [UsagePeriod: [OrganizationID: Int64]] = [:]
            for (key, entry) in state where entry.pending > 0 {
                batches[key.period, default: [:]][key.organization] = entry.pending
                state[key]?.inFlight += entry.pending
                state[key]?.pending = 0
            }
            return batches
        }
        let current = UsagePeriod(containing: self.time.now())
        for (period, counts) in batches {
            do {
                let totals = try await self.usage.addAPICalls(counts, period: period)
                self.state.withLock { state in
                    for (organization, count) in counts {
                        let key = Key(organization: organization, period: period)
                        guard let total = totals[organization] else {
                            state[key] = nil  // The organization is gone.
                            continue
                        }
                        state[key]?.inFlight -= count
                        state[key]?.persisted = total
                    }
                }
            } catch {
                self.logger.warning("Could not record API calls; retrying at the next flush", metadata: ["error": "\(String(reflecting: error))"])
                self.state.withLock { state in
                    for (organization, count) in counts {
                        let key = Key(organization: organization, period: period)
                        state[key]?.inFlight -= count
                        state[key]?.pending += count
                    }
                }
            }
        }
        // Past months are final once flushed: forget them.
        self.state.withLock { state in
            state = state.filter { $0.key.period >= current || $0.value.pending > 0 || $0.value.inFlight > 0 }
        }
    }

    package func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: self.interval)
                await self.flush()
            }
        }
        // The last batch, written even when the group was cancelled rather than shut down gracefully.
        await Task.detached { await self.flush() }.value
        let lost = self.state.withLock { $0.values.reduce(0) { $0 + $1.pending } }
        if lost > 0 { self.logger.error("API calls could not be recorded at shutdown and are lost", metadata: ["calls": "\(lost)"]) }
    }

    private func storedTotal(of organization: OrganizationID, in period: UsagePeriod) async throws -> Int64 {
        let counters = try await self.usage.counters(in: TenantScope(organizationID: organization))
        return counters.first { $0.metric == .apiCallsPerMonth && $0.period == period.key }?.used ?? 0
    }
}
