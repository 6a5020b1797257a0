/// An organization's tier plan with its overrides applied: what is actually enforced.
package struct EffectivePlan: Hashable, Sendable {
    package var tier: Tier
    package var limits: [UsageMetric: Int64]
    package var features: Set<Feature>
    package var rateLimit: RateLimitPolicy
    /// Days of audit history kept; nil keeps everything.
    package var auditRetentionDays: Int?

    package init(tier: Tier, overrides: PlanOverrides = PlanOverrides()) {
        let base = TierCatalog.plan(for: tier)
        var limits = base.limits
        for (metric, value) in overrides.limits { limits[metric] = value }
        var features = base.features
        for (feature, granted) in overrides.features {
            if granted { features.insert(feature) } else { features.remove(feature) }
        }
        self.tier = tier
        self.limits = limits
        self.features = features
        self.rateLimit = overrides.rateLimit ?? base.rateLimit
        self.auditRetentionDays = base.auditRetentionDays
    }

    /// The maximum for `metric`, or nil when unlimited.
    package func limit(_ metric: UsageMetric) -> Int64? { self.limits[metric] }

    package func has(_ feature: Feature) -> Bool { self.features.contains(feature) }

    /// Throws `feature_not_available` naming the cheapest tier that has it, unless the plan includes `feature`.
    package func require(_ feature: Feature) throws(FeatureNotAvailableError) {
        guard !self.has(feature) else { return }
        throw FeatureNotAvailableError(feature: feature, tier: self.tier, requiredTier: TierCatalog.lowestTier(with: feature))
    }

    /// The limits of this plan for the month `period`: what repositories are given to enforce.
    package func usageLimits(for period: UsagePeriod) -> UsageLimits {
        UsageLimits(period: period, maximums: self.limits)
    }
}

extension Organization {
    /// The tier plan with this organization's overrides applied.
    package var plan: EffectivePlan { EffectivePlan(tier: self.tier, overrides: self.planOverrides) }
}
