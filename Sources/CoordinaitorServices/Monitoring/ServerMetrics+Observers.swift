import CoordinaitorDomain
import Prometheus

/// The metrics are told about tenant lookups, limits and the audit queue through the observer protocols of the
/// services that decide them, so those services depend on a protocol and not on Prometheus.
extension ServerMetrics: TenantCacheObserver, TenantResolutionObserver, LimitEnforcementObserver, AuditQueueObserver {
    package func tenantCacheLookup(hit: Bool) {
        (hit ? self.cacheHits : self.cacheMisses).increment()
    }

    package func tenantResolution(_ outcome: TenantResolutionOutcome) {
        self.resolutions[outcome]?.increment()
    }

    package func limitExceeded(_ metric: UsageMetric, in organization: OrganizationID) {
        self.organizationCounter(.limitViolations, organization: organization, detail: ("limit", metric.rawValue)).increment()
    }

    package func requestRateLimited(in organization: OrganizationID) {
        self.organizationCounter(.rateLimitedRequests, organization: organization, detail: nil).increment()
    }

    package func auditQueueDepthChanged(_ depth: Int) {
        self.auditQueueDepth.set(to: Double(depth))
    }

    package func auditEventDropped() {
        self.auditEventsDropped.increment()
    }
}
