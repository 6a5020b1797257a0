import CoordinaitorDomain

/// Told about every tenant cache lookup, so the hit rate shows whether `TENANT_CACHE_TTL` and `TENANT_CACHE_SIZE` fit
/// the traffic. Called under no lock, on the request's task: it must only count.
package protocol TenantCacheObserver: Sendable {
    func tenantCacheLookup(hit: Bool)
}

/// How resolving a tenant route's organization ended; the raw values are the metrics' `outcome` label.
package enum TenantResolutionOutcome: String, CaseIterable, Sendable {
    /// An active organization was found.
    case resolved
    /// The request named an organization that does not exist.
    case notFound = "not_found"
    /// The organization exists but is suspended, pending or cancelled.
    case inactive
    /// The request named no organization at all (a platform host, a missing path prefix …).
    case noTenant = "no_tenant"
    /// The request was malformed for the strategy (an invalid tenant id, a missing required header).
    case rejected
    /// The lookup itself failed (the database did not answer).
    case failed
}

/// Told how each tenant resolution ended.
package protocol TenantResolutionObserver: Sendable {
    func tenantResolution(_ outcome: TenantResolutionOutcome)
}

/// Told when a limit stops a request: a plan limit (a capacity or a monthly quota) or the request rate. Called where
/// the refusal is decided, before it is thrown; it must only count.
package protocol LimitEnforcementObserver: Sendable {
    func limitExceeded(_ metric: UsageMetric, in organization: OrganizationID)
    func requestRateLimited(in organization: OrganizationID)
}
