import CoordinaitorDomain
import Foundation

/// `GET /api/organizations/{id}/usage`: the figures of one month, and the months before it.
struct UsageResponse: Encodable, Sendable {
    struct Month: Encodable, Sendable {
        var period: String
        var usage: [String: Int64]

        init(_ report: UsageReport) {
            self.period = report.period.key
            self.usage = UsageResponse.figures(report)
        }
    }

    var organizationId: String
    var tier: String
    var period: String
    var periodStart: String
    var periodEnd: String
    var usage: [String: Int64]
    var warnings: [LimitLineResponse]
    /// Newest first, starting with `period`.
    var history: [Month]

    init(organization: Organization, reports: [UsageReport]) {
        let report = reports.first ?? UsageReport(period: UsagePeriod(containing: Date()), plan: organization.plan, counters: [:])
        self.organizationId = organization.id.description
        self.tier = organization.tier.rawValue
        self.period = report.period.key
        self.periodStart = Timestamp.format(report.period.start)
        self.periodEnd = Timestamp.format(report.period.end)
        self.usage = Self.figures(report)
        self.warnings = report.warnings.map(LimitLineResponse.init)
        self.history = reports.map(Month.init)
    }

    static func figures(_ report: UsageReport) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: report.lines.map { ($0.metric.rawValue, $0.used) })
    }
}

/// One limit: maximum (null when unlimited), used, remaining and percent.
struct LimitLineResponse: Encodable, Sendable {
    var limit: String
    var kind: String
    var max: Int64?
    var used: Int64
    var remaining: Int64?
    var percent: Double?
    var unlimited: Bool

    init(_ line: UsageReport.Line) {
        self.limit = line.metric.rawValue
        self.kind = line.metric.kind.rawValue
        self.max = line.maximum
        self.used = line.used
        self.remaining = line.remaining
        self.percent = line.percent
        self.unlimited = line.maximum == nil
    }

    // Keeps `max`, `remaining` and `percent` as explicit nulls when unlimited, rather than dropping them.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(self.limit, forKey: "limit")
        try container.encode(self.kind, forKey: "kind")
        try container.encode(self.max, forKey: "max")
        try container.encode(self.used, forKey: "used")
        try container.encode(self.remaining, forKey: "remaining")
        try container.encode(self.percent, forKey: "percent")
        try container.encode(self.unlimited, forKey: "unlimited")
    }
}

/// `GET /api/organizations/{id}/limits`: every limit of the plan against this month's usage.
struct LimitsResponse: Encodable, Sendable {
    var organizationId: String
    var tier: String
    var period: String
    var withinLimits: Bool
    var limits: [LimitLineResponse]
    var violations: [LimitLineResponse]
    var warnings: [LimitLineResponse]
    var features: [String]
    var rateLimit: RateLimitResponse

    init(organization: Organization, report: UsageReport) {
        let plan = organization.plan
        self.organizationId = organization.id.description
        self.tier = organization.tier.rawValue
        self.period = report.period.key
        self.withinLimits = report.withinLimits
        self.limits = report.lines.map(LimitLineResponse.init)
        self.violations = report.violations.map(LimitLineResponse.init)
        self.warnings = report.warnings.map(LimitLineResponse.init)
        self.features = plan.features.sorted().map(\.rawValue)
        self.rateLimit = RateLimitResponse(plan.rateLimit)
    }
}

struct RateLimitResponse: Encodable, Sendable {
    var requestsPerHour: Int
    var burst: Int

    init(_ policy: RateLimitPolicy) {
        self.requestsPerHour = policy.requestsPerHour
        self.burst = policy.burst
    }
}
