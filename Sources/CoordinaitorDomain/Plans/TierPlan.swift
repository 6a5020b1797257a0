/// What a tier grants: limits (a missing metric is unlimited), features and the request rate.
package struct TierPlan: Hashable, Sendable {
    package var tier: Tier
    /// Maximum per metric; a metric absent from the table is unlimited.
    package var limits: [UsageMetric: Int64]
    package var features: Set<Feature>
    package var rateLimit: RateLimitPolicy
    /// List price per month in US cents, for billing pages and cost estimates.
    package var monthlyPriceCents: Int
    /// How many days audit entries are kept; nil keeps them forever.
    package var auditRetentionDays: Int?

    package init(
        tier: Tier, limits: [UsageMetric: Int64], features: Set<Feature>, rateLimit: RateLimitPolicy, monthlyPriceCents: Int,
        auditRetentionDays: Int?
    ) {
        self.tier = tier
        self.limits = limits
        self.features = features
        self.rateLimit = rateLimit
        self.monthlyPriceCents = monthlyPriceCents
        self.auditRetentionDays = auditRetentionDays
    }
}
