import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// Runs after tenant access: applies the organization's rate limit (and the API key's), counts the call against the
/// monthly API quota, and labels every tenant response with the rate-limit and usage-warning header fields.
///
/// `RateLimit-Policy: "tier";q=<burst>;w=<seconds to refill>` describes the token bucket (refilled evenly at the
/// tier's requests per hour), and `RateLimit: "tier";r=<tokens left>;t=<seconds until full>` its state, as in the
/// IETF draft on RateLimit header fields. An API key also has its own bucket of half the organization's, and the
/// headers then describe whichever binds. `Usage-Warning` lists limits at 80% or more: `projects;used=8;limit=10`.
package struct TenantQuotaMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext

    private let rateLimiter: any RateLimiter
    private let apiCalls: APICallMeter
    private let usage: UsageService
    /// Counts the requests refused by the rate limit (the metrics).
    private let limitObserver: (any LimitEnforcementObserver)?

    package init(rateLimiter: any RateLimiter, apiCalls: APICallMeter, usage: UsageService, limitObserver: (any LimitEnforcementObserver)? = nil) {
        self.rateLimiter = rateLimiter
        self.apiCalls = apiCalls
        self.usage = usage
        self.limitObserver = limitObserver
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let tenant = context.tenant else { return try await next(request, context) }
        let plan = tenant.plan
        if case .apiKey = context.principal { try plan.require(.apiAccess) }
        let (policy, decision) = await self.acquire(plan.rateLimit, for: tenant.id, principal: context.principal)
        let headers = Self.rateLimitHeaders(policy: policy, decision: decision)
        guard decision.allowed else {
            self.limitObserver?.requestRateLimited(in: tenant.id)
            throw APIError.rateLimited(retryAfter: decision.retryAfterSeconds, headers: headers)
        }

        var response: Response
        do {
            do {
                try await self.apiCalls.admit(tenant)
            } catch let exceeded as LimitExceededError {
                // The monthly API-call quota: recorded (audit, limit events) like every other limit refusal.
                self.usage.limitExceeded(exceeded, in: tenant)
                throw exceeded
            }
            response = try await next(request, context)
        } catch {
            guard var problem = APIError(translating: error) else { throw error }
            problem.headers.append(contentsOf: headers)
            problem.headers.append(contentsOf: await self.warningHeaders(tenant))
            throw problem
        }
        response.headers.append(contentsOf: headers)
        response.headers.append(contentsOf: await self.warningHeaders(tenant))
        return response
    }

    /// Takes a token from the organization's bucket and, for an API key, first from the key's own smaller one (a key
    /// refused by its bucket takes nothing from the organization's). Returns the bucket that binds, for the headers.
    private func acquire(
        _ policy: RateLimitPolicy,
        for organization: OrganizationID,
        principal: Principal?
    ) async -> (RateLimitPolicy, TokenBucket.Decision) {
        guard case .apiKey(let key) = principal else {
            return (policy, await self.rateLimiter.acquire(.organization(organization), policy: policy))
        }
        let keyPolicy = policy.perAPIKey
        let keyDecision = await self.rateLimiter.acquire(.apiKey(key.id), policy: keyPolicy)
        guard keyDecision.allowed else { return (keyPolicy, keyDecision) }
        let decision = await self.rateLimiter.acquire(.organization(organization), policy: policy)
        return !decision.allowed || decision.remaining < keyDecision.remaining ? (policy, decision) : (keyPolicy, keyDecision)
    }

    private func warningHeaders(_ tenant: Organization) async -> HTTPFields {
        let warnings = await self.usage.warnings(for: tenant)
        guard !warnings.isEmpty else { return [:] }
        let value = warnings.map { line in "\(line.metric.rawValue);used=\(line.used);limit=\(line.maximum ?? 0)" }.joined(separator: ", ")
        return [.usageWarning: value]
    }

    static func rateLimitHeaders(policy: RateLimitPolicy, decision: TokenBucket.Decision) -> HTTPFields {
        [
            .rateLimitPolicy: "\"tier\";q=\(policy.burst);w=\(policy.refillWindowSeconds)",
            .rateLimit: "\"tier\";r=\(decision.remaining);t=\(decision.secondsUntilFull)",
        ]
    }
}

