import FoundationEssentials

/// Thrown by storage when a charge would take a counter past its maximum. Nothing was written.
package struct UsageLimitReachedError: Error, Hashable, Sendable {
    package var metric: UsageMetric
    /// The counter's value when the write was refused.
    package var used: Int64
    package var maximum: Int64
    /// What the refused write asked for.
    package var requested: Int64

    package init(metric: UsageMetric, used: Int64, maximum: Int64, requested: Int64) {
        self.metric = metric
        self.used = used
        self.maximum = maximum
        self.requested = requested
    }
}

/// A limit of the organization's plan stops the request: `limit_exceeded`, explained to the user.
package struct LimitExceededError: Error, Hashable, Sendable {
    package var metric: UsageMetric
    package var used: Int64
    package var maximum: Int64
    package var tier: Tier
    /// For monthly quotas: when the quota starts again.
    package var resetsAt: Date?
    /// For monthly quotas: whole seconds from the refusal until `resetsAt` (`Retry-After`).
    package var retryAfterSeconds: Int?
    /// The cheapest tier with a higher limit, if any.
    package var upgradeTier: Tier?

    /// - Parameter now: when the request was refused, by the services' clock.
    package init(metric: UsageMetric, used: Int64, maximum: Int64, tier: Tier, resetsAt: Date?, now: Date) {
        self.metric = metric
        self.used = used
        self.maximum = maximum
        self.tier = tier
        self.resetsAt = resetsAt
        self.retryAfterSeconds = resetsAt.map { max(Int($0.timeIntervalSince(now).rounded(.up)), 1) }
        self.upgradeTier = TierCatalog.upgrade(from: tier, for: metric, above: .some(maximum))
    }

    package init(_ reached: UsageLimitReachedError, tier: Tier, period: UsagePeriod, now: Date) {
        self.init(
            metric: reached.metric,
            used: reached.used,
            maximum: reached.maximum,
            tier: tier,
            resetsAt: reached.metric.kind == .monthly ? period.end : nil,
            now: now
        )
    }

    package var message: String {
        var text = "The \(self.tier.rawValue) tier allows \(self.maximum) \(self.metric.label); \(self.used) used."
        if let resetsAt {
            text += " The quota starts again at \(resetsAt.formatted(.iso8601))."
        }
        return text + " " + self.upgradeHint
    }

    package var upgradeHint: String {
        if let upgradeTier { return "Upgrade to \(upgradeTier.rawValue) for more." }
        return "Ask the platform operator for a custom limit."
    }
}

/// The organization's plan does not include a feature.
package struct FeatureNotAvailableError: Error, Hashable, Sendable {
    package var feature: Feature
    package var tier: Tier
    /// The cheapest tier that includes it.
    package var requiredTier: Tier

    package init(feature: Feature, tier: Tier, requiredTier: Tier) {
        self.feature = feature
        self.tier = tier
        self.requiredTier = requiredTier
    }

    package var message: String {
        "The \(self.feature.rawValue) feature is not in the \(self.tier.rawValue) tier; it comes with \(self.requiredTier.rawValue) and up."
    }
}
