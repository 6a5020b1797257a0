import CoordinaitorDomain
import Foundation
import Prometheus
import Synchronization

/// The server's Prometheus metrics: requests, latencies and errors by organization, tenant resolution and cache,
/// limits, per-organization usage and cost, and the audit queue; exposed by `GET /metrics`.
///
/// Each server owns its registry instead of using the global `MetricsSystem`, which can be bootstrapped once per
/// process: tests run many servers in one process, and each must see only its own numbers.
///
/// The collectors come from swift-prometheus's registry directly rather than through swift-metrics' API and a
/// `PrometheusMetricsFactory`: the factory registers every metric without help text, and a metric without a
/// `# HELP` line is what `promtool check metrics` and operators reading the exposition complain about first (the
/// registry also refuses to register one name with two help texts, so the two ways cannot be mixed safely).
/// Nothing here needs swift-metrics' indirection, since no library records into this registry.
///
/// Organization labels come from a ``TenantLabelBudget`` (at most `METRICS_MAX_TENANTS` of them, the rest summed
/// under `other`). Handles are cached per label set, so recording a request is a few dictionary hits under one lock,
/// plus atomic increments; only a label set seen for the first time goes to the registry.
package final class ServerMetrics: Sendable {
    /// Upper bounds of the latency histogram's buckets: from a cache hit to a slow database write.
    package static let latencyBuckets: [Duration] = [
        .milliseconds(1), .microseconds(2_500), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2_500), .seconds(5), .seconds(10),
    ]

    /// Methods reported by name; any other (clients may send arbitrary tokens) is reported as `OTHER`.
    private static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    struct RequestSeries: Hashable {
        var organization: String
        var route: String
        var method: String
        var status: Int
    }

    struct RouteSeries: Hashable {
        var organization: String
        var route: String
    }

    /// A series of one of the organization metrics: `detail` is the second label's value (an error code, a limit, a
    /// usage metric) where the metric has one.
    struct OrganizationSeries: Hashable {
        var metric: String
        var organization: String
        var detail: String?
    }

    struct InfoSeries {
        var labels: [String]
        var gauge: Gauge
    }

    /// Shared with the extensions in the other `ServerMetrics+…` files; held only for dictionary work and registry calls.
    struct State {
        var budget: TenantLabelBudget
        var requests: [RequestSeries: Counter] = [:]
        var latencies: [RouteSeries: DurationHistogram] = [:]
        var counters: [OrganizationSeries: Counter] = [:]
        /// Usage and cost gauges, rewritten at every refresh (see `ServerMetrics+Usage.swift`).
        var usageGauges: [OrganizationSeries: Gauge] = [:]
        var info: [OrganizationID: InfoSeries] = [:]
    }

    /// The registry `GET /metrics` renders.
    package let registry: PrometheusCollectorRegistry
    /// This node's recent traffic per organization, for the stats endpoint.
    package let statistics: RequestStatistics
    let state: Mutex<State>
    let resolutions: [TenantResolutionOutcome: Counter]
    let cacheHits: Counter
    let cacheMisses: Counter
    let auditQueueDepth: Gauge
    let auditEventsDropped: Counter
    private let organizationLabels: Gauge

    /// - Parameter maximumLabelledOrganizations: `METRICS_MAX_TENANTS`.
    package init(maximumLabelledOrganizations: Int = 1_000, statistics: RequestStatistics = RequestStatistics()) {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        self.statistics = statistics
        self.state = Mutex(State(budget: TenantLabelBudget(capacity: maximumLabelledOrganizations)))
        self.resolutions = Dictionary(
            uniqueKeysWithValues: TenantResolutionOutcome.allCases.map { outcome in
                (outcome, registry.makeCounter(descriptor: MetricDefinition.tenantResolutions.descriptor, labels: [("outcome", outcome.rawValue)]))
            }
        )
        let lookups = MetricDefinition.tenantCacheLookups.descriptor
        self.cacheHits = registry.makeCounter(descriptor: lookups, labels: [("result", "hit")])
        self.cacheMisses = registry.makeCounter(descriptor: lookups, labels: [("result", "miss")])
        self.auditQueueDepth = registry.makeGauge(descriptor: MetricDefinition.auditQueueDepth.descriptor)
        self.auditEventsDropped = registry.makeCounter(descriptor: MetricDefinition.auditEventsDropped.descriptor)
        self.organizationLabels = registry.makeGauge(descriptor: MetricDefinition.organizationLabels.descriptor)
    }

    /// Counts one finished request: the request counter, the latency histogram, the error counter for a status of
    /// 400 or more, and this node's statistics of the organization.
    /// - Parameters:
    ///   - route: the route template, or `unmatched`: never the raw path, which would make every id a series.
    ///   - errorCode: the problem code of a refused or failed request.
    package func recordRequest(
        organization: OrganizationID?, route: String, method: String, status: Int, latency: Duration, errorCode: String?, at date: Date
    ) {
        let method = Self.knownMethods.contains(method) ? method : "OTHER"
        let handles = self.state.withLock { state -> (requests: Counter, latency: DurationHistogram, error: Counter?) in
            let label = state.budget.label(for: organization)
            let requestKey = RequestSeries(organization: label, route: route, method: method, status: status)
            let requests = state.requests[requestKey] ?? self.makeRequestCounter(requestKey, in: &state)
            let routeKey = RouteSeries(organization: label, route: route)
            let latency = state.latencies[routeKey] ?? self.makeLatencyHistogram(routeKey, in: &state)
            var error: Counter?
            if status >= 400 {
                error = self.counter(.httpErrors, organization: label, detail: ("code", errorCode ?? "status_\(status)"), in: &state)
            }
            return (requests, latency, error)
        }
        handles.requests.increment()
        handles.latency.record(latency)
        handles.error?.increment()
        if let organization {
            self.statistics.record(organization: organization, status: status, latency: latency, at: date)
        }
    }

    /// The exposition in the Prometheus text format (version 0.0.4).
    package func exposition() -> String {
        self.organizationLabels.set(to: Double(self.state.withLock { $0.budget.assignedCount }))
        return self.registry.emitToString()
    }

    // MARK: Handles

    func organizationCounter(_ definition: MetricDefinition, organization: OrganizationID, detail: (name: String, value: String)?) -> Counter {
        self.state.withLock { state in
            let label = state.budget.label(for: organization)
            return self.counter(definition, organization: label, detail: detail, in: &state)
        }
    }

    private func counter(
        _ definition: MetricDefinition, organization: String, detail: (name: String, value: String)?, in state: inout State
    ) -> Counter {
        let key = OrganizationSeries(metric: definition.name, organization: organization, detail: detail?.value)
        if let counter = state.counters[key] { return counter }
        var labels = [("organization", organization)]
        if let detail { labels.append((detail.name, detail.value)) }
        let counter = self.registry.makeCounter(descriptor: definition.descriptor, labels: labels)
        state.counters[key] = counter
        return counter
    }

    private func makeRequestCounter(_ key: RequestSeries, in state: inout State) -> Counter {
        let labels = [("organization", key.organization), ("route", key.route), ("method", key.method), ("status", String(key.status))]
        let counter = self.registry.makeCounter(descriptor: MetricDefinition.httpRequests.descriptor, labels: labels)
        state.requests[key] = counter
        return counter
    }

    private func makeLatencyHistogram(_ key: RouteSeries, in state: inout State) -> DurationHistogram {
        let histogram = self.registry.makeDurationHistogram(
            descriptor: MetricDefinition.httpRequestDuration.descriptor,
            labels: [("organization", key.organization), ("route", key.route)],
            buckets: Self.latencyBuckets
        )
        state.latencies[key] = histogram
        return histogram
    }
}
