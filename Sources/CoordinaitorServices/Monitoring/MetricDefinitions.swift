import Prometheus

/// The name and help text of each metric the server exposes, in one place so the README's table and the code agree.
///
/// Names follow Prometheus conventions: `coordinaitor_` first, base units (seconds, bytes), `_total` on counters only.
/// Money is in cents, an integer unit, to match the tier prices.
package struct MetricDefinition: Sendable {
    package let name: String
    package let help: String

    /// The registry's form of the name and help text (the unit is part of the name already).
    var descriptor: MetricNameDescriptor { MetricNameDescriptor(metricName: self.name, unitName: "", helpText: self.help) }

    static let httpRequests = MetricDefinition(
        name: "coordinaitor_http_requests_total",
        help: "Finished HTTP requests by organization, route template, method and status code."
    )
    static let httpRequestDuration = MetricDefinition(
        name: "coordinaitor_http_request_duration_seconds",
        help: "Time from receiving a request to its response, by organization and route template."
    )
    static let httpErrors = MetricDefinition(
        name: "coordinaitor_http_errors_total",
        help: "Answers with status 400 or more, by organization and problem code (status_<code> when the answer is no problem document)."
    )
    static let tenantResolutions = MetricDefinition(
        name: "coordinaitor_tenant_resolutions_total",
        help: "Tenant route resolutions by outcome: resolved, not_found, inactive, no_tenant, rejected or failed."
    )
    static let tenantCacheLookups = MetricDefinition(
        name: "coordinaitor_tenant_cache_lookups_total",
        help: "Tenant cache lookups by result: hit (including a remembered unknown key) or miss."
    )
    static let limitViolations = MetricDefinition(
        name: "coordinaitor_limit_violations_total",
        help: "Requests refused by a plan limit (limit_exceeded), by organization and limit."
    )
    static let rateLimitedRequests = MetricDefinition(
        name: "coordinaitor_rate_limited_requests_total",
        help: "Requests refused by the organization's or the API key's request rate (rate_limited), by organization."
    )
    static let organizationUsage = MetricDefinition(
        name: "coordinaitor_organization_usage",
        help: "Usage this month by organization and metric: capacities as they are now, monthly quotas so far (storage is in coordinaitor_organization_storage_bytes)."
    )
    static let organizationStorage = MetricDefinition(
        name: "coordinaitor_organization_storage_bytes",
        help: "Bytes stored by organization (task data and artifacts)."
    )
    static let organizationCost = MetricDefinition(
        name: "coordinaitor_organization_estimated_monthly_cost_cents",
        help: "Estimated cost of this month by organization in US cents: the tier's list price plus metered usage."
    )
    static let organizationInfo = MetricDefinition(
        name: "coordinaitor_organization_info",
        help: "Always 1: maps each labelled organization id to its subdomain, tier and status."
    )
    static let organizationLabels = MetricDefinition(
        name: "coordinaitor_metrics_organization_labels",
        help: "Organizations that have a label of their own (at most METRICS_MAX_TENANTS); the rest are summed under organization=\"other\"."
    )
    static let auditQueueDepth = MetricDefinition(
        name: "coordinaitor_audit_queue_depth",
        help: "Audit events waiting to be written."
    )
    static let auditEventsDropped = MetricDefinition(
        name: "coordinaitor_audit_events_dropped_total",
        help: "Audit events dropped because the audit queue was full."
    )
}
