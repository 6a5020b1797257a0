import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// `GET /api/organizations/{id}/stats`: request count, error rates and latency percentiles of the last hour and day,
/// for the organization's dashboard. For those who may read its usage (owners, admins, billing) and super admins.
struct StatsController {
    let statistics: RequestStatistics
    let authorizer: OrganizationAuthorizer
    let time: any TimeSource

    func addRoutes(to routes: RouteRegistrar<AppRequestContext>) {
        routes.on(.get, ":id/stats", use: self.stats)
    }

    @Sendable func stats(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<StatsResponse> {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .readUsage)
        let now = self.time.now()
        let summary = self.statistics.summary(for: organization.id, at: now)
        return JSONResponse(StatsResponse(organization: organization, summary: summary, generatedAt: now))
    }
}
