import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Hummingbird

/// An organization's dashboard: one extension (and template) per page, over the same services as the API.
///
/// Every route here runs behind ``DashboardTenantMiddleware``, so the caller is signed in and may see the organization;
/// each page then applies ``DashboardPolicy`` (what the role shows) and the plan (what the tier unlocks). Forms post
/// back, and a success redirects (303) to the page with a notice.
struct DashboardPages: Sendable {
    let services: CoreServices
    let renderer: PageRenderer
    let chrome: ChromeBuilder
    let cookies: SessionCookies

    func addRoutes(to group: WebRouteRegistrar) {
        group.get("", use: self.overview)
        group.get("usage", use: self.usage)
        group.get("billing", use: self.billing)
        group.get("members", use: self.members)
        group.post("members/invite", use: self.invite)
        group.post("members/:userId/role", use: self.changeRole)
        group.post("members/:userId/remove", use: self.removeMember)
        group.post("invitations/:invitationId/revoke", use: self.revokeInvitation)
        group.get("settings", use: self.settings)
        group.post("settings", use: self.saveSettings)
        group.get("api-keys", use: self.apiKeys)
        group.post("api-keys", use: self.createAPIKey)
        group.post("api-keys/:keyId/revoke", use: self.revokeAPIKey)
        group.get("webhooks", use: self.webhooks)
        group.post("webhooks", use: self.createWebhook)
        group.post("webhooks/:webhookId/delete", use: self.deleteWebhook)
        group.get("audit", use: self.audit)
        group.get("stats", use: self.stats)
    }

    /// Renders `section`'s page, or refuses it when the caller's role hides it.
    func render(
        _ section: DashboardSection,
        caller: DashboardCaller,
        request: Request,
        status: HTTPResponse.Status = .ok,
        error: String? = nil,
        view: (PageChrome) throws -> some PageView
    ) async throws -> Response {
        guard caller.mode(of: section) != .hidden else { throw WebError.forbidden("Your role does not include this page.") }
        let notice = request.uri.queryParameters["done"].flatMap { Notice(rawValue: String($0))?.message }
        let chrome = try await self.chrome.dashboard(section, caller: caller, request: request, notice: notice, error: error)
        return try self.renderer.render(section.rawValue, try view(chrome), status: status)
    }

    /// After a form: back to the page, with a notice saying what happened (and a secret to show once).
    func done(
        _ caller: DashboardCaller, _ section: DashboardSection, _ notice: Notice, revealing secret: RevealedSecret? = nil, request: Request? = nil
    ) -> Response {
        let path = section == .overview ? "/dashboard" : "/dashboard/\(section.rawValue)"
        var response = PageRenderer.redirect(to: caller.link(path) + "?done=\(notice.rawValue)")
        if let secret, let request { response.setCookie(secret.cookie(secure: self.cookies.isSecure(request))) }
        return response
    }

    /// Renders a page that may show a secret the previous form made (``RevealedSecret``), and forgets the secret.
    func showingOnce(
        _ kind: RevealedSecret.Kind, _ request: Request, page: (RevealedSecret?) async throws -> Response
    ) async throws -> Response {
        let revealed = RevealedSecret.read(from: request, kind: kind)
        var response = try await page(revealed)
        response.forget(revealed, secure: self.cookies.isSecure(request))
        return response
    }

    /// What a form did, by code, so a redirect never carries text of the request into the page.
    enum Notice: String {
        case invited, roleChanged = "role-changed", removed, invitationRevoked = "invitation-revoked", settingsSaved = "settings-saved"
        case keyRevoked = "key-revoked", webhookDeleted = "webhook-deleted", keyCreated = "key-created", webhookCreated = "webhook-created"

        var message: String {
            switch self {
            case .invited: "Invitation sent."
            case .roleChanged: "Role changed."
            case .removed: "Member removed."
            case .invitationRevoked: "Invitation revoked."
            case .settingsSaved: "Settings saved."
            case .keyRevoked: "API key revoked."
            case .webhookDeleted: "Webhook deleted."
            case .keyCreated: "API key created."
            case .webhookCreated: "Webhook added."
            }
        }
    }

    /// A feature the tier lacks, and the tier that would unlock it.
    struct LockedFeature: Sendable {
        var feature: String
        var unlockingTier: String

        init?(_ feature: Feature, plan: EffectivePlan) {
            guard !plan.has(feature) else { return nil }
            self.feature = Formatting.label(of: feature)
            self.unlockingTier = Formatting.label(of: TierCatalog.lowestTier(with: feature))
        }
    }
}
