import CoordinaitorServices
import Hummingbird

/// `GET /metrics`: the Prometheus exposition of this node, open or behind `METRICS_TOKEN`.
///
/// The per-organization usage and cost gauges are refreshed first when they are older than the sampler allows; every
/// other metric is current by construction.
struct MetricsController {
    let metrics: ServerMetrics
    let usageSampler: OrganizationUsageSampler
    /// Nil when `METRICS_TOKEN` is unset.
    let token: MetricsAccessToken?

    /// The exposition format's media type and version, as Prometheus negotiates it.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    func addRoutes(to routes: RouteRegistrar<AppRequestContext>) {
        routes.on(.get, "metrics", use: self.scrape)
    }

    @Sendable func scrape(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token, !token.accepts(authorization: request.headers[.authorization]) {
            throw APIError.metricsTokenRequired
        }
        await self.usageSampler.refreshIfStale()
        return Response(
            status: .ok,
            headers: [.contentType: Self.contentType],
            body: .init(byteBuffer: ByteBuffer(string: self.metrics.exposition()))
        )
    }
}

extension APIError {
    /// 401 for a scrape without the configured token, or with another one: one answer for both.
    static let metricsTokenRequired = APIError(
        status: .unauthorized,
        code: "metrics_token_required",
        detail: "Send the configured METRICS_TOKEN as 'Authorization: Bearer <token>'.",
        headers: [.wwwAuthenticate: "Bearer"]
    )
}
