import CoordinaitorDomain

/// The plan as an organization's API shows it: features, limits (null = unlimited), rate limit and overrides.
struct PlanResponse: Encodable, Sendable {
    var features: [String]
    var limits: [String: Int64?]
    var rateLimit: RateLimitResponse
    var overrides: PlanOverridesResponse

    init(_ organization: Organization) {
        let plan = organization.plan
        self.features = plan.features.sorted().map(\.rawValue)
        self.limits = Dictionary(uniqueKeysWithValues: UsageMetric.allCases.map { ($0.rawValue, plan.limit($0)) })
        self.rateLimit = RateLimitResponse(plan.rateLimit)
        self.overrides = PlanOverridesResponse(organization.planOverrides)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(self.features, forKey: "features")
        var limits = container.nestedContainer(keyedBy: AnyKey.self, forKey: "limits")
        for (key, value) in self.limits.sorted(by: { $0.key < $1.key }) { try limits.encode(value, forKey: AnyKey(stringValue: key)) }
        try container.encode(self.rateLimit, forKey: "rateLimit")
        try container.encode(self.overrides, forKey: "overrides")
    }
}

struct PlanOverridesResponse: Encodable, Sendable {
    var limits: [String: Int64?]
    var features: [String: Bool]
    var rateLimit: RateLimitResponse?

    init(_ overrides: PlanOverrides) {
        self.limits = Dictionary(uniqueKeysWithValues: overrides.limits.map { ($0.key.rawValue, $0.value) })
        self.features = Dictionary(uniqueKeysWithValues: overrides.features.map { ($0.key.rawValue, $0.value) })
        self.rateLimit = overrides.rateLimit.map(RateLimitResponse.init)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        var limits = container.nestedContainer(keyedBy: AnyKey.self, forKey: "limits")
        for (key, value) in self.limits.sorted(by: { $0.key < $1.key }) { try limits.encode(value, forKey: AnyKey(stringValue: key)) }
        try container.encode(self.features, forKey: "features")
        try container.encode(self.rateLimit, forKey: "rateLimit")
    }
}

/// `PUT /api/organizations/{id}/plan-overrides`: replaces the overrides. Unknown limit or feature names are refused.
struct PlanOverridesRequest: Decodable {
    static let fields: Set<String> = ["limits", "features", "rateLimit"]
    var overrides: PlanOverrides

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        var collector = ValidationCollector()
        var overrides = PlanOverrides()
        let limits = try container.decodeIfPresent([String: Int64?].self, forKey: "limits") ?? [:]
        for (name, value) in limits {
            guard let metric = UsageMetric(rawValue: name) else {
                collector.add(field: "limits.\(name)", "Unknown limit; known: \(UsageMetric.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            overrides.limits[metric] = value
        }
        let features = try container.decodeIfPresent([String: Bool].self, forKey: "features") ?? [:]
        for (name, granted) in features {
            guard let feature = Feature(rawValue: name) else {
                collector.add(field: "features.\(name)", "Unknown feature; known: \(Feature.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            overrides.features[feature] = granted
        }
        if container.contains("rateLimit"), try !container.decodeNil(forKey: "rateLimit") {
            let rate = try container.nestedContainer(keyedBy: AnyKey.self, forKey: "rateLimit")
            overrides.rateLimit = RateLimitPolicy(
                requestsPerHour: try rate.decode(Int.self, forKey: "requestsPerHour"),
                burst: try rate.decode(Int.self, forKey: "burst")
            )
        }
        overrides.validate(into: &collector)
        try collector.throwIfAny()
        self.overrides = overrides
    }
}
