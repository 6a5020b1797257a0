import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Hummingbird

/// The platform console at `/admin`, for super admins: every organization with filters and search, each one's usage,
/// suspension and reactivation, tier changes, and the platform's audit log.
struct ConsolePages: Sendable {
    let services: CoreServices
    let renderer: PageRenderer
    let chrome: ChromeBuilder
    let resolver: TenantResolver

    func addRoutes(to group: WebRouteRegistrar) {
        group.get("", use: self.organizations)
        group.post("organizations/:id/status", use: self.changeStatus)
        group.post("organizations/:id/tier", use: self.changeTier)
        group.get("audit", use: self.audit)
    }

    struct OrganizationsPage: PageView {
        var chrome: PageChrome
        var rows: [OrganizationRow]
        var search: String
        var statuses: [AuditListing.Option]
        var tiers: [AuditListing.Option]
        var nextQuery: String?
        var isConsole = true
    }

    struct OrganizationRow: Sendable {
        var id: String
        var displayName: String
        var subdomain: String
        var status: String
        var isActive: Bool
        var isSuspended: Bool
        var tier: String
        var tierOptions: [AuditListing.Option]
        var created: String
        var usage: [UsageBar]
    }

    struct AuditPage: PageView {
        var chrome: PageChrome
        var listing: AuditListing
        var isConsole = true
    }

    /// The super admin signed in through the session; anyone else is refused (and told so), never redirected around.
    /// The console lives on the platform's own host: an organization's host (or path) does not serve it.
    private func superAdmin(_ request: Request, _ context: AppRequestContext) throws -> (User, String) {
        guard !self.namesAnOrganization(request, context) else {
            throw WebError(status: .notFound, message: "The platform console is on the platform's own host, not an organization's.")
        }
        guard let user = context.identity, let token = context.sessionToken else { throw WebError.signInRequired }
        guard user.isSuperAdmin else { throw WebError.forbidden("The platform console is for the platform's super admins.") }
        return (user, CSRFToken.forSession(token))
    }

    /// Whether the address is an organization's: a `/org/{key}` prefix, or a host the strategy resolves to one.
    private func namesAnOrganization(_ request: Request, _ context: AppRequestContext) -> Bool {
        let configuration = self.resolver.configuration
        return context.pathTenantKey != nil
            || self.resolver.hostNamesAnOrganization(TenantRequestFacts(request: request, context: context, configuration: configuration))
    }

    /// `GET /admin`: organizations newest first, filtered by `status`, `tier` and `search`, 50 a page, with usage.
    @Sendable func organizations(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (user, csrf) = try self.superAdmin(request, context)
        let parameters = request.uri.queryParameters
        let text = { (name: String) -> String? in parameters[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
        let status = try text("status").map { raw in
            guard let value = OrganizationStatus(rawValue: raw) else { throw WebError(status: .badRequest, message: "Unknown status '\(raw)'.") }
            return value
        }
        let tier = try text("tier").map { raw in
            guard let value = Tier(rawValue: raw) else { throw WebError(status: .badRequest, message: "Unknown tier '\(raw)'.") }
            return value
        }
        let filter = OrganizationFilter(status: status, tier: tier, search: text("search"))
        let page = try await self.services.organizations.list(filter: filter, page: PageRequest(limit: 50, after: text("after")))
        // One query for every organization's figures, rather than one per row.
        let period = UsagePeriod(containing: self.services.time.now())
        let totals = Dictionary(
            try await self.services.store.usage.totals(for: period).map { ($0.organizationID, $0.usage) }, uniquingKeysWith: { first, _ in first })
        let rows = page.items.map { organization in
            let report = UsageReport(period: period, plan: organization.plan, counters: totals[organization.id] ?? [:])
            return OrganizationRow(
                id: organization.id.description,
                displayName: organization.displayName,
                subdomain: organization.subdomain,
                status: organization.status.rawValue,
                isActive: organization.status == .active,
                isSuspended: organization.status == .suspended,
                tier: organization.tier.rawValue,
                tierOptions: Tier.allCases.map { AuditListing.Option(value: $0.rawValue, isSelected: $0 == organization.tier) },
                created: Formatting.day(organization.createdAt),
                usage: report.lines.filter { [.users, .projects, .tasksPerMonth, .apiCallsPerMonth].contains($0.metric) }.map(UsageBar.init)
            )
        }
        var chrome = self.chrome.plain(title: "Organizations", csrfToken: csrf, user: user)
        chrome.navigation = Self.navigation(current: "organizations")
        chrome.notice = text("done").flatMap { $0 == "status" ? "Status changed." : $0 == "tier" ? "Tier changed." : nil }
        let view = OrganizationsPage(
            chrome: chrome,
            rows: rows,
            search: text("search") ?? "",
            statuses: OrganizationStatus.allCases.map { AuditListing.Option(value: $0.rawValue, isSelected: $0 == status) },
            tiers: Tier.allCases.map { AuditListing.Option(value: $0.rawValue, isSelected: $0 == tier) },
            nextQuery: page.nextCursor.map { cursor in
                [("status", status?.rawValue), ("tier", tier?.rawValue), ("search", text("search")), ("after", cursor)]
                    .compactMap { name, value in value.map { "\(name)=\(WebErrorMiddleware.encodeQueryValue($0))" } }.joined(separator: "&")
            }
        )
        return try self.renderer.render("console", view)
    }

    /// `POST /admin/organizations/{id}/status` with `status` = `suspended` or `active`.
    @Sendable func changeStatus(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try self.superAdmin(request, context)
        let form = try await FormFields.read(request)
        guard let id = context.parameters.get("id").flatMap(OrganizationID.init) else { throw WebError.notFound }
        guard let status = form["status"].flatMap(OrganizationStatus.init(rawValue:)), status == .active || status == .suspended else {
            throw WebError(status: .unprocessableContent, message: "The console suspends (suspended) or reactivates (active).")
        }
        _ = try await self.services.organizations.setStatus(status, of: .id(id))
        return PageRenderer.redirect(to: "/admin?done=status")
    }

    /// `POST /admin/organizations/{id}/tier` with `tier`.
    @Sendable func changeTier(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try self.superAdmin(request, context)
        let form = try await FormFields.read(request)
        guard let id = context.parameters.get("id").flatMap(OrganizationID.init) else { throw WebError.notFound }
        guard let tier = form["tier"].flatMap(Tier.init(rawValue:)) else {
            throw WebError(status: .unprocessableContent, message: "Choose one of: \(Tier.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        _ = try await self.services.organizations.update(id) { current in
            var changed = current
            changed.tier = tier
            return changed
        }
        return PageRenderer.redirect(to: "/admin?done=tier")
    }

    /// `GET /admin/audit`: the platform's own chain (organizations created, tiers changed, sign-ins refused…).
    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (user, csrf) = try self.superAdmin(request, context)
        let query = try AuditListing.query(from: request, chain: .platform)
        let page = try await self.services.auditLog.list(query)
        var chrome = self.chrome.plain(title: "Platform audit log", csrfToken: csrf, user: user)
        chrome.navigation = Self.navigation(current: "audit")
        return try self.renderer.render("console-audit", AuditPage(chrome: chrome, listing: AuditListing(page, query: query, request: request)))
    }

    private static func navigation(current: String) -> [PageChrome.Link] {
        [
            PageChrome.Link(title: "Organizations", href: "/admin", isCurrent: current == "organizations"),
            PageChrome.Link(title: "Platform audit log", href: "/admin/audit", isCurrent: current == "audit"),
        ]
    }
}
