import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// `/api/organizations/{id}/usage` and `/limits` (owners, admins and billing), and the super admins' plan overrides.
struct UsageController {
    /// Months of history returned with the usage.
    static let historyMonths = 6

    let usage: UsageService
    let organizations: OrganizationService
    let authorizer: OrganizationAuthorizer
    let body: JSONBodyReader

    func addRoutes(to routes: RouteRegistrar<AppRequestContext>) {
        routes.on(.get, ":id/usage", use: self.usageReport)
        routes.on(.get, ":id/limits", use: self.limits)
        routes.on(.put, ":id/plan-overrides", use: self.setOverrides)
    }

    /// This month's usage (or `?period=YYYY-MM`'s) and the months before it.
    @Sendable func usageReport(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<UsageResponse> {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .readUsage)
        let current = self.usage.currentPeriod
        let period = try QueryReader(request).period("period", notAfter: current) ?? current
        let reports = try await self.usage.history(for: organization, ending: period, months: Self.historyMonths)
        return JSONResponse(UsageResponse(organization: organization, reports: reports))
    }

    @Sendable func limits(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<LimitsResponse> {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .readUsage)
        let report = try await self.usage.report(for: organization)
        return JSONResponse(LimitsResponse(organization: organization, report: report))
    }

    /// A super admin replaces the organization's overrides of its tier; they apply from the next request.
    @Sendable func setOverrides(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<OrganizationResponse> {
        let organization = try await self.authorizer.authorizeSuperAdmin(request, context: context)
        let input = try await self.body.decode(PlanOverridesRequest.self, from: request, allowedFields: PlanOverridesRequest.fields)
        let updated = try await self.organizations.update(organization.id) { current in
            var changed = current
            changed.planOverrides = input.overrides
            return changed
        }
        return JSONResponse(OrganizationResponse(updated))
    }
}
