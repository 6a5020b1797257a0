import CoordinaitorDomain
import Foundation
import Logging
import Synchronization

/// Reports an organization's usage against its plan, and keeps a short-lived snapshot of it per organization for the
/// warning header that tenant responses carry.
///
/// The snapshot is read again at most every `snapshotLifetime`, and this node's own writes bring it up to date from
/// the counters their transactions left (``UsageReceipt``), so warnings cost one counters query per organization and
/// interval, not one per request or per write. Two writes of one organization that finish together may report in
/// either order; the snapshot then lags by one write until it is next read.
package final class UsageService: UsageObserver, Sendable {
    private struct Snapshot {
        var report: UsageReport
        /// What the report's maximums came from: a change of either makes the snapshot obsolete.
        var tier: Tier
        var overrides: PlanOverrides
        var takenAt: Double
        var isStale: Bool
    }

    private let usage: any UsageRepository
    private let meter: APICallMeter
    private let time: any TimeSource
    private let snapshotLifetime: Double
    private let snapshots = Mutex<[OrganizationID: Snapshot]>([:])
    private let events: any UsageEventPublisher
    private let audit: AuditTrail
    private let logger: Logger
    /// When `limit.exceeded` was last published per organization and metric: a client hammering a used-up quota
    /// raises one event an hour, not one per refused request.
    private let lastExceeded = Mutex<[String: Double]>([:])
    private static let exceededEventInterval: Double = 3600
    /// Counts every refusal by a limit (the metrics), unlike the events, which are rate-limited.
    private let limitObserver: (any LimitEnforcementObserver)?

    package init(
        usage: any UsageRepository,
        meter: APICallMeter,
        time: any TimeSource,
        events: any UsageEventPublisher,
        audit: AuditTrail,
        snapshotLifetime: Double = 5,
        limitObserver: (any LimitEnforcementObserver)? = nil,
        logger: Logger
    ) {
        self.audit = audit
        self.limitObserver = limitObserver
        self.usage = usage
        self.meter = meter
        self.time = time
        self.events = events
        self.snapshotLifetime = snapshotLifetime
        self.logger = logger
    }

    /// The month that is current now.
    package var currentPeriod: UsagePeriod { UsagePeriod(containing: self.time.now()) }

    /// Usage of `period` (the current month by default) against the organization's plan, from one query.
    package func report(for organization: Organization, period: UsagePeriod? = nil) async throws -> UsageReport {
        let current = self.currentPeriod
        let period = period ?? current
        let rows = try await self.usage.counters(in: TenantScope(organization))
        return self.report(of: rows, for: organization, period: period, current: current)
    }

    /// The report of `period` (the current month by default) and the months before it (`months` in all, newest
    /// first), from one query.
    package func history(for organization: Organization, ending period: UsagePeriod? = nil, months: Int) async throws -> [UsageReport] {
        let current = self.currentPeriod
        let rows = try await self.usage.counters(in: TenantScope(organization))
        return (period ?? current).recent(months).map { self.report(of: rows, for: organization, period: $0, current: current) }
    }

    /// Sets the organization's capacity counters to a recount of its rows (after a manual database change or a deploy
    /// that skipped counting) and returns the counters before and after.
    package func reconcile(_ organization: Organization) async throws -> (before: [UsageMetric: Int64], after: [UsageMetric: Int64]) {
        let scope = TenantScope(organization)
        let rows = try await self.usage.counters(in: scope)
        var before: [UsageMetric: Int64] = [:]
        for row in rows where row.period == UsageCounterPeriod.current { before[row.metric] = row.used }
        let after = try await self.usage.reconcile(in: scope, period: self.currentPeriod)
        self.markStale(organization.id)
        return (before, after)
    }

    /// Throws ``LimitExceededError`` when `metric` is already at its maximum: an early answer for requests that will
    /// consume it later (an invitation takes a seat only when accepted, where the atomic check happens).
    package func requireRoom(for metric: UsageMetric, in organization: Organization) async throws {
        guard let line = try await self.report(for: organization).line(metric), let maximum = line.maximum, line.used >= maximum else { return }
        let period = self.currentPeriod
        let error = LimitExceededError(
            metric: metric, used: line.used, maximum: maximum, tier: organization.tier,
            resetsAt: metric.kind == .monthly ? period.end : nil, now: self.time.now()
        )
        self.limitExceeded(error, in: organization)
        throw error
    }

    /// Limits at 80% or more, from a snapshot at most `snapshotLifetime` old, with API calls as this node counts them.
    package func warnings(for organization: Organization) async -> [UsageReport.Line] {
        let now = self.time.now().timeIntervalSince1970
        let cached = self.snapshots.withLock { $0[organization.id] }
        var report: UsageReport
        // Reused until `snapshotLifetime` old (writes on this node update it in place), or after a change it could not
        // follow exactly (see `update`): one counters query (on a reader) per organization and interval.
        if let cached, !cached.isStale, now - cached.takenAt < self.snapshotLifetime, cached.tier == organization.tier,
            cached.overrides == organization.planOverrides
        {
            report = cached.report
        } else {
            do {
                report = try await self.report(for: organization)
            } catch {
                self.logger.debug("Usage snapshot unavailable", metadata: ["error": "\(String(reflecting: error))"])
                return []
            }
            let previous = cached.map { Set($0.report.warnings.map(\.metric)) } ?? []
            self.snapshots.withLock { $0[organization.id] = Snapshot(report: report, tier: organization.tier, overrides: organization.planOverrides, takenAt: now, isStale: false) }
            if cached != nil { self.announce(report.warnings.filter { !previous.contains($0.metric) }, in: organization) }
        }
        if let calls = self.meter.used(by: organization.id, in: report.period), let index = report.lines.firstIndex(where: { $0.metric == .apiCallsPerMonth }) {
            report.lines[index].used = calls
        }
        return report.warnings
    }

    /// Brings the snapshot up to the counters the write left (no query); raises the warnings it newly crossed.
    package func usageChanged(in organization: Organization, to receipt: UsageReceipt) {
        let crossed = self.update(organization.id, to: receipt) { snapshot in
            snapshot.tier == organization.tier && snapshot.overrides == organization.planOverrides
        }
        self.announce(crossed, in: organization)
    }

    package func usageReleased(in organization: OrganizationID, to receipt: UsageReceipt) {
        // A release only lowers counters: nothing to announce.
        _ = self.update(organization, to: receipt) { _ in true }
    }

    /// Records every refusal in the audit log; publishes the `limit.exceeded` event at most hourly per limit.
    package func limitExceeded(_ error: LimitExceededError, in organization: Organization) {
        self.audit.record(
            .limitExceeded, in: organization.id, target: AuditTarget(type: "limit", id: error.metric.rawValue), result: .denied,
            metadata: ["used": String(error.used), "maximum": String(error.maximum), "tier": error.tier.rawValue]
        )
        self.limitObserver?.limitExceeded(error.metric, in: organization.id)
        let now = self.time.now().timeIntervalSince1970
        let key = "\(organization.id)/\(error.metric.rawValue)"
        let isNew = self.lastExceeded.withLock { last in
            guard now - (last[key] ?? -.infinity) >= Self.exceededEventInterval else { return false }
            if last.count > 100_000 { last = last.filter { now - $0.value < Self.exceededEventInterval } }
            last[key] = now
            return true
        }
        if isNew { self.events.limitExceeded(error, in: organization) }
    }

    private func markStale(_ organization: OrganizationID) {
        self.snapshots.withLock { $0[organization]?.isStale = true }
    }

    /// Sets the snapshot's lines to the receipt's counters and returns the lines that became warnings. A snapshot
    /// the receipt cannot update exactly (another month, another plan, already stale) is marked stale instead, and
    /// the next request reads the counters.
    private func update(
        _ organization: OrganizationID,
        to receipt: UsageReceipt,
        when isCurrent: (Snapshot) -> Bool
    ) -> [UsageReport.Line] {
        let counters = receipt.recorded
        guard !counters.isEmpty else { return [] }
        return self.snapshots.withLock { snapshots in
            guard var snapshot = snapshots[organization] else { return [] }
            let period = snapshot.report.period
            let fits = counters.values.allSatisfy { $0.period == UsageCounterPeriod.key(for: $0.metric, in: period) }
            guard !snapshot.isStale, isCurrent(snapshot), fits else {
                snapshots[organization]?.isStale = true
                return []
            }
            let before = Set(snapshot.report.warnings.map(\.metric))
            for index in snapshot.report.lines.indices {
                if let counter = counters[snapshot.report.lines[index].metric] { snapshot.report.lines[index].used = counter.used }
            }
            snapshots[organization] = snapshot
            return snapshot.report.warnings.filter { !before.contains($0.metric) }
        }
    }

    /// A `limit.warning` event and an audit entry for each limit that just reached 80%.
    private func announce(_ crossed: [UsageReport.Line], in organization: Organization) {
        for line in crossed {
            self.events.limitWarning(line, in: organization)
            self.audit.record(
                .limitWarning, in: organization.id, target: AuditTarget(type: "limit", id: line.metric.rawValue),
                metadata: ["used": String(line.used), "maximum": line.maximum.map(String.init) ?? "", "tier": organization.tier.rawValue]
            )
        }
    }

    private func report(of rows: [UsageCounter], for organization: Organization, period: UsagePeriod, current: UsagePeriod) -> UsageReport {
        var figures = UsageCounters.figures(of: rows, for: period, current: current)
        if period == current, let calls = self.meter.used(by: organization.id, in: period) {
            figures[.apiCallsPerMonth] = max(figures[.apiCallsPerMonth] ?? 0, calls)
        }
        return UsageReport(period: period, plan: organization.plan, counters: figures)
    }
}

/// Where limit events go (webhooks, and later the audit log). Must not block: implementations enqueue.
package protocol UsageEventPublisher: Sendable {
    func limitWarning(_ line: UsageReport.Line, in organization: Organization)
    func limitExceeded(_ error: LimitExceededError, in organization: Organization)
}
