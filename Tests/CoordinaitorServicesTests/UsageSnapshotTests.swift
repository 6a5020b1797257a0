import CoordinaitorDomain
import CoordinaitorSQLite
import CoordinaitorServices
import CoordinaitorTesting
import Foundation
import Logging
import Synchronization
import Testing

/// The usage snapshot behind the `Usage-Warning` header follows this node's writes from what their transactions
/// report, without reading the counters again, and still picks up other nodes' writes once it is old.
@Suite("Usage snapshot")
struct UsageSnapshotTests {
    @Test func writesUpdateTheSnapshotWithoutAQueryAndAnnounceTheCrossingOnce() async throws {
        try await withSQLiteStore { store in
            let time = ManualTimeSource(Date(timeIntervalSince1970: 1_800_000_000))
            let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            let audit = AuditTrail(
                queue: AuditQueue(repository: store.audit, key: HMACAuditChainKey(secret: "usage-snapshot-test"), logger: logger),
                time: time, ids: UUIDv7Source())
            let organizations = OrganizationService(organizations: store.organizations, cache: TenantCache(time: time), time: time, ids: UUIDv7Source(), audit: audit)
            let created = try await organizations.create(NewOrganization(name: "acme", displayName: "Acme", subdomain: "acme", contactEmail: "a@acme.com"))
            let acme = try await organizations.update(created.id) { current in
                var changed = current
                changed.planOverrides = PlanOverrides(limits: [.projects: 10])
                return changed
            }
            let counting = CountingUsageRepository(store.usage)
            let events = RecordedLimitEvents()
            let usage = UsageService(
                usage: counting, meter: APICallMeter(usage: counting, time: time, logger: logger), time: time, events: events, audit: audit,
                logger: logger)
            let gate = UsageGate(time: time, observer: usage)
            func addProject() async throws {
                try await gate.charging(acme) { try await store.usage.charge(in: TenantScope(acme), [UsageCharge(.projects, 1)], limits: $0) }
            }

            #expect(await usage.warnings(for: acme).isEmpty)
            #expect(counting.counterReads == 1)
            for _ in 1...7 { try await addProject() }
            #expect(await usage.warnings(for: acme).isEmpty)
            try await addProject()
            // 8 of 10 is a warning, known from the write itself: still the one read.
            #expect(await usage.warnings(for: acme).map(\.used) == [8])
            #expect(counting.counterReads == 1)
            #expect(events.warnings == [UsageReport.Line(metric: .projects, used: 8, maximum: 10)])
            try await addProject()
            #expect(await usage.warnings(for: acme).map(\.used) == [9])
            #expect(events.warnings.count == 1, "the crossing is announced once")

            // Another node's write (straight to storage, no gate here) shows once the snapshot is old.
            try await store.usage.charge(in: TenantScope(acme), [UsageCharge(.projects, -5)], limits: .unlimited(in: usage.currentPeriod))
            #expect(await usage.warnings(for: acme).map(\.used) == [9])
            time.advance(by: 6)
            #expect(await usage.warnings(for: acme).isEmpty)
            #expect(counting.counterReads == 2)

            // A write made under another plan cannot be applied to the snapshot exactly: the next request reads.
            var upgraded = acme
            upgraded.planOverrides = PlanOverrides(limits: [.projects: 5])
            try await gate.charging(upgraded) { try await store.usage.charge(in: TenantScope(upgraded), [UsageCharge(.projects, 1)], limits: $0) }
            #expect(await usage.warnings(for: upgraded).map(\.used) == [5])
            #expect(counting.counterReads == 3)
        }
    }
}

/// Passes everything to the store, counting the reads of an organization's counters.
private final class CountingUsageRepository: UsageRepository {
    private let base: any UsageRepository
    private let reads = Atomic(0)

    init(_ base: any UsageRepository) { self.base = base }

    var counterReads: Int { self.reads.load(ordering: .relaxed) }

    func counters(in scope: TenantScope) async throws -> [UsageCounter] {
        self.reads.add(1, ordering: .relaxed)
        return try await self.base.counters(in: scope)
    }

    func totals(for period: UsagePeriod) async throws -> [OrganizationUsageTotals] { try await self.base.totals(for: period) }
    func addAPICalls(_ counts: [OrganizationID: Int64], period: UsagePeriod) async throws -> [OrganizationID: Int64] {
        try await self.base.addAPICalls(counts, period: period)
    }
    func charge(in scope: TenantScope, _ charges: [UsageCharge], limits: UsageLimits) async throws {
        try await self.base.charge(in: scope, charges, limits: limits)
    }
    func recount(in scope: TenantScope) async throws -> [UsageMetric: Int64] { try await self.base.recount(in: scope) }
    func reconcile(in scope: TenantScope, period: UsagePeriod) async throws -> [UsageMetric: Int64] {
        try await self.base.reconcile(in: scope, period: period)
    }
}

private final class RecordedLimitEvents: UsageEventPublisher {
    private let recorded = Mutex<[UsageReport.Line]>([])

    var warnings: [UsageReport.Line] { self.recorded.withLock { $0 } }

    func limitWarning(_ line: UsageReport.Line, in organization: Organization) { self.recorded.withLock { $0.append(line) } }
    func limitExceeded(_ error: LimitExceededError, in organization: Organization) {}
}
