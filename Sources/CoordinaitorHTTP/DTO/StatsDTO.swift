import CoordinaitorDomain
import CoordinaitorServices
import Foundation

/// `GET /api/organizations/{id}/stats`: the organization's recent traffic as this node served it.
struct StatsResponse: Encodable, Sendable {
    /// One window's figures. Latencies are in milliseconds, each the upper bound of a histogram bucket (at most about
    /// 19% above the true percentile), and null without requests.
    struct Window: Encodable, Sendable {
        var requests: Int
        var clientErrors: Int
        var serverErrors: Int
        /// Server errors (5xx) per request: what the platform is answerable for.
        var errorRate: Double
        /// Client errors (4xx) per request.
        var clientErrorRate: Double
        var p50LatencyMs: Double?
        var p95LatencyMs: Double?

        init(_ window: RequestStatistics.Window) {
            self.requests = window.requests
            self.clientErrors = window.clientErrors
            self.serverErrors = window.serverErrors
            self.errorRate = window.errorRate
            self.clientErrorRate = window.clientErrorRate
            self.p50LatencyMs = window.p50.map(Self.milliseconds)
            self.p95LatencyMs = window.p95.map(Self.milliseconds)
        }

        // Keeps the percentiles as explicit nulls without requests, rather than dropping them.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            try container.encode(self.requests, forKey: "requests")
            try container.encode(self.clientErrors, forKey: "clientErrors")
            try container.encode(self.serverErrors, forKey: "serverErrors")
            try container.encode(self.errorRate, forKey: "errorRate")
            try container.encode(self.clientErrorRate, forKey: "clientErrorRate")
            try container.encode(self.p50LatencyMs, forKey: "p50LatencyMs")
            try container.encode(self.p95LatencyMs, forKey: "p95LatencyMs")
        }

        private static func milliseconds(_ duration: Duration) -> Double {
            let (seconds, attoseconds) = duration.components
            let milliseconds = Double(seconds) * 1_000 + Double(attoseconds) / 1e15
            return (milliseconds * 1_000).rounded() / 1_000
        }
    }

    var organizationId: String
    var generatedAt: String
    /// Always `node`: the figures are this server's; behind a load balancer each node answers with its own share.
    var scope: String
    var lastHour: Window
    var lastDay: Window

    init(organization: Organization, summary: RequestStatistics.Summary, generatedAt: Date) {
        self.organizationId = organization.id.description
        self.generatedAt = Timestamp.format(generatedAt)
        self.scope = "node"
        self.lastHour = Window(summary.lastHour)
        self.lastDay = Window(summary.lastDay)
    }
}
