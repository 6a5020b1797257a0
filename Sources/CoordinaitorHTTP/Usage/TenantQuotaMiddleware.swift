import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// Runs after tenant access: applies the organization's rate limit (and the API key's), counts the call against the
/// monthly API quota, and labels every tenant response with the rate-limit and usage-warning header fields.
///
/// `RateLimit-Policy: "tier";q=<burst>;w=<seconds to refill>` describes the token bucket (refilled evenly at the
/// tier's requests per hour), and `RateLimit: "tier";r=<tokens left>;t=<seconds until full>` its state, as in the
/// IETF draft on RateLimit header fields. `Usage-Warning` lists limits at 80% or more: `projects;used=8;limit=10`.
package struct TenantQuotaMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext

    private let rateLimiter: any RateLimiter
    private let apiCalls: APICallMeter
    private let usage: UsageService

    package init(rateLimiter: any RateLimiter, apiCalls: APICallMeter, usage: UsageService) {
        self.rateLimiter = rateLimiter
        self.apiCalls = apiCalls
        self.usage = usage
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let tenant = context.tenant else { return try await next(request, context) }
        let plan = tenant.plan
        if case .apiKey = context.principal { try plan.require(.apiAccess) }
        let policy = plan.rateLimit
        var decision = await self.rateLimiter.acquire(.organization(tenant.id), policy: policy)
        if decision.allowed, case .apiKey(let key) = context.principal {
            let keyDecision = await self.rateLimiter.acquire(.apiKey(key.id), policy: policy)
            if !keyDecision.allowed || keyDecision.remaining < decision.remaining { decision = keyDecision }
        }
        let headers = Self.rateLimitHeaders(policy: policy, decision: decision)
        guard decision.allowed else { throw APIError.rateLimited(retryAfter: decision.retryAfterSeconds, headers: headers) }

        var response: Response
        do {
            try await self.apiCalls.admit(tenant)
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

