import CoordinaitorDomain
import Foundation
import Testing

@Suite("Usage periods, reports and token buckets")
struct UsageRulesTests {
    @Test(arguments: [
        (0.0, "1970-01"),
        (1_798_761_599.999, "2026-12"),  // 2026-12-31T23:59:59.999Z
        (1_798_761_600.0, "2027-01"),  // 2027-01-01T00:00:00Z
        (1_709_164_800.0, "2024-02"),  // 2024-02-29, a leap day
        (1_709_251_200.0, "2024-03"),
    ])
    func monthsAreUTCCalendarMonths(seconds: Double, expected: String) {
        #expect(UsagePeriod(containing: Date(timeIntervalSince1970: seconds)).key == expected)
    }

    @Test func periodsKnowTheirBoundsAndNeighbours() throws {
        let december = try #require(UsagePeriod("2026-12"))
        #expect(december.start == Date(timeIntervalSince1970: 1_796_083_200))
        #expect(december.end == Date(timeIntervalSince1970: 1_798_761_600))
        #expect(december.next.key == "2027-01")
        #expect(december.next.previous == december)
        #expect(december.recent(3).map(\.key) == ["2026-12", "2026-11", "2026-10"])
    }

    @Test(arguments: ["2026-13", "2026-00", "26-01", "2026-1", "2026/01", "abcd-01", "", "2026-01-01", "٢٠٢٦-٠١"])
    func refusesMalformedPeriods(_ text: String) {
        #expect(UsagePeriod(text) == nil)
    }

    @Test func reportComputesRemainingPercentWarningsAndViolations() {
        let plan = EffectivePlan(tier: .free)
        let report = UsageReport(
            period: UsagePeriod(containing: Date()),
            plan: plan,
            counters: [.projects: 2, .tasksPerMonth: 79, .apiCallsPerMonth: 800, .agents: 3]
        )
        let projects = report.line(.projects)
        #expect(projects?.remaining == 0)
        #expect(projects?.percent == 100)
        #expect(report.line(.tasksPerMonth)?.isWarning == false)
        #expect(report.line(.apiCallsPerMonth)?.isWarning == true)
        #expect(report.warnings.map(\.metric) == [.projects, .agents, .apiCallsPerMonth])
        #expect(report.violations.map(\.metric) == [.agents])
        #expect(!report.withinLimits)
        #expect(report.line(.agentExecutionsPerMonth)?.maximum == nil)
        #expect(report.line(.agentExecutionsPerMonth)?.percent == nil)
    }

    @Test func capacitiesOfPastMonthsAreTheirLastValue() throws {
        let october = try #require(UsagePeriod("2026-10"))
        let rows = [
            UsageCounter(metric: .projects, period: "current", used: 4),
            UsageCounter(metric: .projects, period: "2026-08", used: 1),
            UsageCounter(metric: .projects, period: "2026-10", used: 4),
            UsageCounter(metric: .tasksPerMonth, period: "2026-09", used: 30),
        ]
        let current = try #require(UsagePeriod("2026-11"))
        #expect(UsageCounters.figures(of: rows, for: current, current: current)[.projects] == 4)
        #expect(UsageCounters.figures(of: rows, for: october.previous, current: current)[.projects] == 1)
        #expect(UsageCounters.figures(of: rows, for: october.previous, current: current)[.tasksPerMonth] == 30)
        #expect(UsageCounters.figures(of: rows, for: october, current: current)[.tasksPerMonth] == 0)
        #expect(UsageCounters.figures(of: rows, for: try #require(UsagePeriod("2026-07")), current: current)[.projects] == 0)
    }

    @Test func bucketAllowsABurstThenRefillsAtTheHourlyRate() {
        let policy = RateLimitPolicy(requestsPerHour: 3600, burst: 3)  // one token per second
        var bucket = TokenBucket(policy: policy, now: 0)
        let burst = (0..<3).map { _ in bucket.take(policy: policy, now: 0) }
        #expect(burst.allSatisfy { $0.allowed })
        #expect(burst.last?.remaining == 0)
        let refused = bucket.take(policy: policy, now: 0.5)
        #expect(!refused.allowed)
        #expect(refused.retryAfterSeconds == 1)
        #expect(bucket.take(policy: policy, now: 1.0).allowed)
        #expect(!bucket.take(policy: policy, now: 1.0).allowed)
        let later = bucket.take(policy: policy, now: 100)
        #expect(later.allowed && later.remaining == 2)
        #expect(policy.refillWindowSeconds == 3)
    }

    @Test func taskChargesCountStorageAndAgentStarts() throws {
        let organization = OrganizationID(UUID())
        let agent = AgentID(UUID())
        let draft = NewTask(title: "t", assignedAgentID: agent, input: .object(["a": .string("xyz")]))
        let task = try draft.task(id: TaskID(UUID()), in: TenantScope(organizationID: organization), at: Date())
        #expect(task.storageBytes == Int64(#"{"a":"xyz"}"#.utf8.count))
        #expect(task.creationCharges == [UsageCharge(.tasksPerMonth, 1), UsageCharge(.storageBytes, 11)])
        var running = task
        running.status = .running
        running.output = .string("done")
        #expect(running.usageCharges(after: task) == [UsageCharge(.storageBytes, 6), UsageCharge(.agentExecutionsPerMonth, 1)])
        #expect(running.usageCharges(after: running).isEmpty)
    }

    @Test(arguments: ["report.txt", "a", "patch-1.diff", "LOG_2026.json"])
    func acceptsArtifactNames(_ name: String) throws {
        #expect(try ArtifactName(name).value == name)
    }

    @Test(arguments: ["", ".hidden", "a/b", "..", "a b", "é.txt", String(repeating: "a", count: 129), "a%2Fb"])
    func refusesArtifactNames(_ name: String) {
        #expect(throws: ValidationError.self) { try ArtifactName(name) }
    }
}
