import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Foundation
import Hummingbird

/// `GET /login`, `POST /login` and `POST /logout`: the session cookie's life.
struct SignInPages: Sendable {
    let identities: IdentityService
    let tokens: any AccessTokenService
    let cookies: SessionCookies
    let renderer: PageRenderer
    let chrome: ChromeBuilder
    let resolver: TenantResolver
    let directory: TenantDirectory
    let time: any TimeSource

    struct SignInPage: PageView {
        var chrome: PageChrome
        var email: String
        var next: String
    }

    func addRoutes(to group: WebRouteRegistrar) {
        group.get("login", use: self.show)
        group.post("login", use: self.signIn)
        group.post("logout", use: self.signOut)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init), base: DashboardCaller.base(context))
        if context.identity != nil { return PageRenderer.redirect(to: next) }
        let signInToken = request.cookies[SessionCookies.signInName]?.value ?? CSRFToken.random()
        var response = try await self.page(request, context: context, csrf: signInToken, email: "", next: next, error: nil, status: .ok)
        response.setCookie(self.cookies.signInToken(signInToken, for: request))
        return response
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request)
        let next = Self.safeNext(form["next"], base: DashboardCaller.base(context))
        let email = form.text("email") ?? ""
        guard let user = try await self.identities.authenticate(email: email, password: form["password"] ?? "") else {
            let csrf = request.cookies[SessionCookies.signInName]?.value ?? ""
            return try await self.page(
                request, context: context, csrf: csrf, email: email, next: next, error: "The email or the password is wrong.", status: .unauthorized)
        }
        let issued = try await self.tokens.issue(for: user.id)
        var response = PageRenderer.redirect(to: next)
        response.setCookie(self.cookies.session(issued.token, expiresAt: issued.expiresAt, now: self.time.now(), for: request))
        return response
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        var response = PageRenderer.redirect(to: "\(DashboardCaller.base(context))/login")
        for cookie in self.cookies.cleared(for: request) { response.setCookie(cookie) }
        return response
    }

    private func page(
        _ request: Request, context: AppRequestContext, csrf: String, email: String, next: String, error: String?, status: HTTPResponse.Status
    ) async throws -> Response {
        var chrome = self.chrome.plain(
            title: "Sign in", brand: await self.brand(request, context: context), csrfToken: csrf, base: DashboardCaller.base(context))
        chrome.error = error
        return try self.renderer.render("sign-in", SignInPage(chrome: chrome, email: email, next: next), status: status)
    }

    /// The sign-in page wears the branding of the organization its address names, when that one is active.
    private func brand(_ request: Request, context: AppRequestContext) async -> PageChrome.Brand {
        let configuration = self.resolver.configuration
        let key: TenantKey?
        if let pathKey = context.pathTenantKey {
            key = TenantKey(identifier: pathKey)
        } else if configuration.multiTenantEnabled,
            case .organization(let resolved, _) = self.resolver.resolve(TenantRequestFacts(request: request, context: context, configuration: configuration))
        {
            key = resolved
        } else {
            key = nil
        }
        guard let key, let organization = try? await self.directory.organization(for: key), organization.status == .active else {
            return .platform
        }
        return PageChrome.Brand(organization)
    }

    /// Only a path on this site: `//evil.example` and absolute URLs would make sign-in an open redirect.
    static func safeNext(_ raw: String?, base: String) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"), !raw.contains(where: \.isNewline) else {
            return "\(base)/dashboard"
        }
        // A path-strategy page comes back under its prefix (the prefix was stripped before routing).
        return base.isEmpty || raw.hasPrefix(base + "/") ? raw : base + raw
    }
}
