/// The one table of tiers: limits, features, rate limits and prices come from here and nowhere else.
package enum TierCatalog {
    private static let gigabyte: Int64 = 1 << 30

    private static let basic: Set<Feature> = [.apiAccess, .analytics, .collaboration]
    private static let enhanced: Set<Feature> = basic.union([.repositoryIntegration, .workflowAutomation])
    private static let premium: Set<Feature> = enhanced.union([.sso, .webhooks, .customBranding, .auditExport, .securityScanning])

    package static let free = TierPlan(
        tier: .free,
        limits: [
            .users: 5, .projects: 2, .tasksPerMonth: 100, .storageBytes: 1 * gigabyte, .apiCallsPerMonth: 1_000, .agents: 2, .webhooks: 0,
        ],
        features: basic,
        rateLimit: RateLimitPolicy(requestsPerHour: 1_000, burst: 50),
        monthlyPriceCents: 0,
        auditRetentionDays: 30
    )

    package static let starter = TierPlan(
        tier: .starter,
        limits: [
            .users: 15, .projects: 10, .tasksPerMonth: 1_000, .storageBytes: 10 * gigabyte, .apiCallsPerMonth: 10_000, .agents: 5,
            .webhooks: 0,
        ],
        features: enhanced,
        rateLimit: RateLimitPolicy(requestsPerHour: 5_000, burst: 100),
        monthlyPriceCents: 29_00,
        auditRetentionDays: 90
    )

    package static let professional = TierPlan(
        tier: .professional,
        limits: [
            .users: 50, .projects: 50, .tasksPerMonth: 10_000, .storageBytes: 100 * gigabyte, .apiCallsPerMonth: 100_000, .agents: 15,
            .webhooks: 15,
        ],
        features: premium,
        rateLimit: RateLimitPolicy(requestsPerHour: 10_000, burst: 200),
        monthlyPriceCents: 99_00,
        auditRetentionDays: 365
    )

    package static let enterprise = TierPlan(
        tier: .enterprise,
        limits: [:],
        features: Set(Feature.allCases),
        rateLimit: RateLimitPolicy(requestsPerHour: 100_000, burst: 1_000),
        monthlyPriceCents: 499_00,
        auditRetentionDays: nil
    )

    package static func plan(for tier: Tier) -> TierPlan {
        switch tier {
        case .free: free
        case .starter: starter
        case .professional: professional
        case .enterprise: enterprise
        }
    }

    /// Tiers from the cheapest up.
    package static var ascending: [TierPlan] { Tier.allCases.map(plan(for:)) }

    /// The cheapest tier that includes `feature`.
    package static func lowestTier(with feature: Feature) -> Tier {
        ascending.first { $0.features.contains(feature) }?.tier ?? .enterprise
    }

    /// The cheapest tier above `tier` whose limit for `metric` is higher than `current` (the tier's own limit by
    /// default; an override otherwise) or unlimited; nil when no tier offers more.
    package static func upgrade(from tier: Tier, for metric: UsageMetric, above current: Int64?? = nil) -> Tier? {
        let current = current ?? plan(for: tier).limits[metric]
        return ascending.first { candidate in
            guard candidate.tier.rank > tier.rank else { return false }
            guard let current else { return false }
            return candidate.limits[metric].map { $0 > current } ?? true
        }?.tier
    }
}

extension Tier {
    /// Position from the cheapest (0) up.
    package var rank: Int { Tier.allCases.firstIndex(of: self) ?? 0 }
}
