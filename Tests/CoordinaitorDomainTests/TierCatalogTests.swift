import CoordinaitorDomain
import Foundation
import Testing

@Suite("Tier catalog and effective plans")
struct TierCatalogTests {
    /// The documented table, written out once more as the test's expectation (the catalog is the only copy in code).
    @Test(arguments: [
        (Tier.free, [UsageMetric.users: Int64(5), .projects: 2, .tasksPerMonth: 100, .storageBytes: 1 << 30, .apiCallsPerMonth: 1_000, .agents: 2, .webhooks: 0]),
        (.starter, [.users: 15, .projects: 10, .tasksPerMonth: 1_000, .storageBytes: 10 << 30, .apiCallsPerMonth: 10_000, .agents: 5, .webhooks: 0]),
        (.professional, [.users: 50, .projects: 50, .tasksPerMonth: 10_000, .storageBytes: 100 << 30, .apiCallsPerMonth: 100_000, .agents: 15, .webhooks: 15]),
    ])
    func limitsMatchTheDocumentedTable(tier: Tier, expected: [UsageMetric: Int64]) {
        let plan = TierCatalog.plan(for: tier)
        for (metric, maximum) in expected {
            #expect(plan.limits[metric] == maximum, "\(tier) \(metric)")
        }
        #expect(plan.limits[.agentExecutionsPerMonth] == nil)
    }

    @Test func enterpriseIsUnlimitedWithEveryFeature() {
        let plan = TierCatalog.plan(for: .enterprise)
        #expect(plan.limits.isEmpty)
        #expect(plan.features == Set(Feature.allCases))
        #expect(plan.rateLimit == RateLimitPolicy(requestsPerHour: 100_000, burst: 1_000))
    }

    @Test func featuresGrowWithTheTier() {
        #expect(TierCatalog.free.features == [.apiAccess, .analytics, .collaboration])
        #expect(TierCatalog.starter.features == TierCatalog.free.features.union([.repositoryIntegration, .workflowAutomation]))
        #expect(
            TierCatalog.professional.features
                == TierCatalog.starter.features.union([.sso, .webhooks, .customBranding, .auditExport, .securityScanning])
        )
        #expect(!TierCatalog.professional.features.contains(.customFeatures))
    }

    @Test func rateLimitsFollowTheTable() {
        #expect(TierCatalog.free.rateLimit == RateLimitPolicy(requestsPerHour: 1_000, burst: 50))
        #expect(TierCatalog.starter.rateLimit == RateLimitPolicy(requestsPerHour: 5_000, burst: 100))
        #expect(TierCatalog.professional.rateLimit == RateLimitPolicy(requestsPerHour: 10_000, burst: 200))
    }

    @Test func lowestTierAndUpgradeHints() {
        #expect(TierCatalog.lowestTier(with: .webhooks) == .professional)
        #expect(TierCatalog.lowestTier(with: .workflowAutomation) == .starter)
        #expect(TierCatalog.lowestTier(with: .customFeatures) == .enterprise)
        #expect(TierCatalog.upgrade(from: .free, for: .projects) == .starter)
        #expect(TierCatalog.upgrade(from: .free, for: .webhooks) == .professional)
        #expect(TierCatalog.upgrade(from: .professional, for: .projects) == .enterprise)
        #expect(TierCatalog.upgrade(from: .enterprise, for: .projects) == nil)
    }

    @Test func overridesReplaceLimitsAndGrantOrWithdrawFeatures() throws {
        let limits: [UsageMetric: Int64?] = [.projects: 7, .tasksPerMonth: nil]
        let overrides = PlanOverrides(
            limits: limits,
            features: [.webhooks: true, .analytics: false],
            rateLimit: RateLimitPolicy(requestsPerHour: 60, burst: 2)
        )
        let plan = EffectivePlan(tier: .free, overrides: overrides)
        #expect(plan.limit(.projects) == 7)
        #expect(plan.limit(.tasksPerMonth) == nil)
        #expect(plan.limit(.agents) == 2)
        #expect(plan.has(.webhooks))
        #expect(!plan.has(.analytics))
        #expect(plan.rateLimit.burst == 2)
        #expect(throws: FeatureNotAvailableError.self) { try plan.require(.sso) }
    }

    @Test func overridesRoundTripThroughJSONWithExplicitUnlimited() throws {
        let limits: [UsageMetric: Int64?] = [.projects: 7, .agents: nil]
        let overrides = PlanOverrides(limits: limits, features: [.sso: true])
        let data = try JSONEncoder().encode(overrides)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"agents\":null"))
        #expect(try JSONDecoder().decode(PlanOverrides.self, from: data) == overrides)
    }

    @Test func limitErrorsExplainThemselves() {
        let monthly = LimitExceededError(
            metric: .tasksPerMonth, used: 100, maximum: 100, tier: .free, resetsAt: UsagePeriod(year: 2026, month: 12)?.start,
            now: Date(timeIntervalSince1970: 1_796_079_600)
        )
        #expect(monthly.retryAfterSeconds == 3600)
        #expect(monthly.upgradeTier == .starter)
        #expect(monthly.message.contains("100 tasks per month"))
        #expect(monthly.message.contains("2026-12-01T00:00:00Z"))
        let capacity = LimitExceededError(metric: .projects, used: 50, maximum: 50, tier: .professional, resetsAt: nil, now: Date())
        #expect(capacity.upgradeHint == "Upgrade to enterprise for more.")
    }
}
