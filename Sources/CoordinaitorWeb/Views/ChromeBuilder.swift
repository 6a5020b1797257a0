import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Foundation
import Hummingbird

/// Builds the layout's ``PageChrome`` for a request: branding, navigation by role and tier, organization switcher.
struct ChromeBuilder: Sendable {
    let resources: WebResources
    let tenants: TenantDirectory
    let identities: IdentityService
    let tenancy: TenancyConfiguration

    /// Chrome for a page that is about no organization (sign-in, errors, the console, the organization chooser).
    func plain(title: String, brand: PageChrome.Brand = .platform, csrfToken: String, base: String = "", user: User? = nil) -> PageChrome {
        PageChrome(
            title: title,
            brand: brand,
            styleNonce: CSRFToken.random(),
            csrfToken: csrfToken,
            base: base,
            user: user.map { PageChrome.SignedInUser(name: $0.name, email: $0.email, role: nil) },
            consoleLink: user?.isSuperAdmin == true ? "/admin" : nil,
            cssVersion: self.resources.version(of: "app.css"),
            scriptVersion: self.resources.version(of: "app.js")
        )
    }

    /// Chrome for one of an organization's dashboard pages.
    func dashboard(
        _ section: DashboardSection,
        caller: DashboardCaller,
        request: Request,
        notice: String? = nil,
        error: String? = nil
    ) async throws -> PageChrome {
        var chrome = self.plain(
            title: section.title, brand: PageChrome.Brand(caller.organization), csrfToken: caller.csrfToken, base: caller.base, user: caller.user)
        chrome.user?.role = caller.roleLabel
        chrome.notice = notice
        chrome.error = error
        let plan = caller.organization.plan
        chrome.navigation = DashboardPolicy.visibleSections(for: caller.access).map { item in
            PageChrome.Link(
                title: item.title,
                href: caller.link(item == .overview ? "/dashboard" : "/dashboard/\(item.rawValue)"),
                isCurrent: item == section,
                isLocked: item.feature.map { !plan.has($0) } ?? false
            )
        }
        chrome.organizations = try await self.organizationLinks(for: caller.user, current: caller.organization.id, request: request)
        chrome.hasOrganizations = chrome.organizations.count > 1
        return chrome
    }

    /// Every organization the user belongs to, linked to its dashboard as the server's strategy addresses it.
    func organizationLinks(for user: User, current: OrganizationID?, request: Request) async throws -> [PageChrome.Link] {
        var links: [PageChrome.Link] = []
        for membership in try await self.identities.memberships(of: user.id) {
            // Through the tenant cache: a person belongs to few organizations, usually cached.
            guard let organization = try await self.tenants.organization(for: .id(membership.organizationID)),
                organization.status == .active
            else { continue }
            links.append(
                PageChrome.Link(
                    title: organization.displayName,
                    href: self.dashboardURL(of: organization, request: request),
                    isCurrent: organization.id == current
                )
            )
        }
        return links.sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }
    }

    /// The dashboard of `organization`: on its own host under the subdomain and domain strategies, else by path.
    func dashboardURL(of organization: Organization, request: Request) -> String {
        guard self.tenancy.multiTenantEnabled else { return "/dashboard" }
        let port = Self.port(of: request)
        switch self.tenancy.strategy {
        case .subdomain:
            return "//\(organization.subdomain).\(self.tenancy.platformDomain)\(port)/dashboard"
        case .domain:
            if let domain = organization.domain { return "//\(domain)\(port)/dashboard" }
            return "/org/\(organization.subdomain)/dashboard"
        case .header, .path:
            return "/org/\(organization.subdomain)/dashboard"
        }
    }

    /// `:8080` when the request's host named a port, so links to sibling hosts keep it.
    private static func port(of request: Request) -> String {
        guard let host = request.headers[.host] ?? request.head.authority, let colon = host.lastIndex(of: ":"),
            !host.hasSuffix("]")
        else { return "" }
        let port = host[host.index(after: colon)...]
        return port.allSatisfy(\.isNumber) && !port.isEmpty ? ":\(port)" : ""
    }
}
