/// Per-organization exceptions to its tier, set by super admins (the enterprise "custom features").
///
/// A limit override replaces the tier's value; `nil` inside the dictionary means unlimited. A feature override grants
/// (`true`) or withdraws (`false`) a feature whatever the tier says.
package struct PlanOverrides: Hashable, Sendable, Codable {
    package var limits: [UsageMetric: Int64?]
    package var features: [Feature: Bool]
    package var rateLimit: RateLimitPolicy?

    package init(limits: [UsageMetric: Int64?] = [:], features: [Feature: Bool] = [:], rateLimit: RateLimitPolicy? = nil) {
        self.limits = limits
        self.features = features
        self.rateLimit = rateLimit
    }

    package var isEmpty: Bool { self.limits.isEmpty && self.features.isEmpty && self.rateLimit == nil }

    package func validate(into collector: inout ValidationCollector, field: String = "overrides") {
        for (metric, value) in self.limits {
            if let value {
                collector.check(value >= 0, field: "\(field).limits.\(metric.rawValue)", "Must be zero or more, or null for unlimited.")
            }
        }
        self.rateLimit?.validate(into: &collector, field: "\(field).rateLimit")
    }

    // Stored as JSON with string keys (metric and feature names), so that the column stays readable.
    private enum CodingKeys: String, CodingKey { case limits, features, rateLimit }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let limits = try container.decodeIfPresent([String: Int64?].self, forKey: .limits) ?? [:]
        let features = try container.decodeIfPresent([String: Bool].self, forKey: .features) ?? [:]
        self.limits = Dictionary(uniqueKeysWithValues: limits.compactMap { key, value in UsageMetric(rawValue: key).map { ($0, value) } })
        self.features = Dictionary(uniqueKeysWithValues: features.compactMap { key, value in Feature(rawValue: key).map { ($0, value) } })
        self.rateLimit = try container.decodeIfPresent(RateLimitPolicy.self, forKey: .rateLimit)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var limits: [String: Int64?] = [:]
        for (metric, value) in self.limits { limits[metric.rawValue] = .some(value) }
        try container.encode(limits, forKey: .limits)
        try container.encode(Dictionary(uniqueKeysWithValues: self.features.map { ($0.key.rawValue, $0.value) }), forKey: .features)
        try container.encodeIfPresent(self.rateLimit, forKey: .rateLimit)
    }
}
