import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Hummingbird

/// `GET /invitations/accept?token=…` and `POST /invitations/accept`: the invited person, signed in with the invited
/// email, joins the organization (the same checks as `POST /api/invitations/accept`), then lands on its dashboard.
struct InvitationPages: Sendable {
    let invitations: InvitationService
    let tenants: TenantDirectory
    let renderer: PageRenderer
    let chrome: ChromeBuilder

    struct AcceptPage: PageView {
        var chrome: PageChrome
        var token: String
    }

    func addRoutes(to group: WebRouteRegistrar) {
        group.get("accept", use: self.show)
        group.post("accept", use: self.accept)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (user, csrf) = try Self.signedIn(context)
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        let chrome = self.chrome.plain(title: "Join an organization", csrfToken: csrf, base: DashboardCaller.base(context), user: user)
        return try self.renderer.render("accept-invitation", AcceptPage(chrome: chrome, token: token))
    }

    @Sendable func accept(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (user, _) = try Self.signedIn(context)
        let form = try await FormFields.read(request)
        do {
            let membership = try await self.invitations.accept(token: form.text("token") ?? "", by: user)
            guard let organization = try await self.tenants.organization(for: .id(membership.organizationID)) else { throw WebError.notFound }
            return PageRenderer.redirect(to: self.chrome.dashboardURL(of: organization, request: request))
        } catch let error as InvitationService.AcceptanceError {
            switch error.reason {
            case .unknown: throw WebError(status: .notFound, message: "No invitation has this token.")
            case .gone(let state): throw WebError(status: .gone, message: "This invitation was \(state.rawValue) and cannot be used.")
            case .wrongAccount:
                throw WebError.forbidden("This invitation is for another email address: sign out and sign in with the invited account.")
            }
        }
    }

    private static func signedIn(_ context: AppRequestContext) throws -> (User, String) {
        guard let user = context.identity, let token = context.sessionToken else { throw WebError.signInRequired }
        return (user, CSRFToken.forSession(token))
    }
}
