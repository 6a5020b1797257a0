import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Hummingbird

extension DashboardPages {
    struct OverviewPage: PageView {
        var chrome: PageChrome
        var name: String
        var displayName: String
        var subdomain: String
        var domain: String?
        var tier: String
        var status: String
        var created: String
        var members: String
        var projects: String
        var agents: String
        var warnings: [UsageBar]
    }

    struct ChooserPage: PageView {
        var chrome: PageChrome
        var organizations: [PageChrome.Link]
    }

    /// `GET /dashboard`: the organization at a glance, or, on a host that names none, the caller's organizations.
    @Sendable func overview(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.tenant != nil else { return try await self.chooser(request, context: context) }
        let caller = try DashboardCaller(context)
        let organization = caller.organization
        let report = try await self.services.usage.report(for: organization)
        let count = { (metric: UsageMetric) in Formatting.count(report.line(metric)?.used ?? 0) }
        return try await self.render(.overview, caller: caller, request: request) { chrome in
            OverviewPage(
                chrome: chrome,
                name: organization.name,
                displayName: organization.displayName,
                subdomain: organization.subdomain,
                domain: organization.domain,
                tier: organization.tier.rawValue,
                status: organization.status.rawValue,
                created: Formatting.day(organization.createdAt),
                members: count(.users),
                projects: count(.projects),
                agents: count(.agents),
                warnings: report.lines.map(UsageBar.init).filter { $0.level == UsageLevel.warning.rawValue || $0.level == UsageLevel.critical.rawValue }
            )
        }
    }

    private func chooser(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let user = context.identity, let token = context.sessionToken else { throw WebError.signInRequired }
        let chrome = self.chrome.plain(title: "Your organizations", csrfToken: CSRFToken.forSession(token), user: user)
        let organizations = try await self.chrome.organizationLinks(for: user, current: nil, request: request)
        return try self.renderer.render("chooser", ChooserPage(chrome: chrome, organizations: organizations))
    }
}
