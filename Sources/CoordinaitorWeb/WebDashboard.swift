import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import HTTPTypes
import Hummingbird

/// The web UI: sign-in, every organization's dashboard, the platform console and the static assets, added to the API's
/// router so that they share its tenant resolution, services and observation.
package struct WebDashboard: RouterExtension {
    /// Settings of the web UI.
    package struct Settings: Sendable {
        /// `SESSION_COOKIE_DOMAIN`: share sign-in across the platform's subdomains (nil: one host per cookie).
        package var cookieDomain: String?

        package init(cookieDomain: String? = nil) {
            self.cookieDomain = cookieDomain
        }
    }

    private let services: CoreServices
    private let tokens: any AccessTokenService
    private let securityEvents: any SecurityEventSink
    private let tenancy: TenancyConfiguration
    private let settings: Settings
    private let resources: WebResources
    private let routeTable: WebRouteTable

    package init(
        services: CoreServices,
        tokens: any AccessTokenService,
        securityEvents: any SecurityEventSink,
        tenancy: TenancyConfiguration,
        settings: Settings = Settings(),
        routeTable: WebRouteTable = WebRouteTable()
    ) throws {
        self.routeTable = routeTable
        self.services = services
        self.tokens = tokens
        self.securityEvents = securityEvents
        self.tenancy = tenancy
        self.settings = settings
        self.resources = try WebResources.load()
    }

    package var prefixedPaths: [String] { ["/dashboard", "/login", "/logout", "/invitations"] }

    package func addRoutes(to router: Router<AppRequestContext>) {
        let renderer = PageRenderer(resources: self.resources)
        let chrome = ChromeBuilder(resources: self.resources, tenants: self.services.tenants, identities: self.services.identities, tenancy: self.tenancy)
        let trustProxy = self.tenancy.trustProxy
        let cookies = SessionCookies(
            domain: self.settings.cookieDomain,
            isSecure: { request in trustProxy && request.headers[SessionCookies.forwardedProto]?.lowercased() == "https" }
        )
        let resolver = TenantResolver(configuration: self.tenancy)

        StaticAssetRoutes(resources: self.resources).addRoutes(to: router)

        // The session first, so that error pages know who is signed in (and keep their CSRF token).
        let web = router.group()
            .add(middleware: WebSessionMiddleware(tokens: self.tokens, identities: self.services.identities))
            .add(middleware: WebErrorMiddleware(renderer: renderer, chrome: chrome))
            .add(middleware: CSRFMiddleware())
        SignInPages(
            identities: self.services.identities, tokens: self.tokens, cookies: cookies, renderer: renderer, chrome: chrome, resolver: resolver,
            directory: self.services.tenants, time: self.services.time
        )
        .addRoutes(to: WebRouteRegistrar(group: web, prefix: "", area: .session, table: self.routeTable))

        InvitationPages(invitations: self.services.invitations, tenants: self.services.tenants, renderer: renderer, chrome: chrome)
            .addRoutes(to: WebRouteRegistrar(group: web.group("invitations"), prefix: "invitations", area: .account, table: self.routeTable))

        let dashboard = web.group("dashboard")
            .add(
                middleware: DashboardTenantMiddleware(
                    resolver: resolver, directory: self.services.tenants, identities: self.services.identities, securityEvents: self.securityEvents)
            )
        DashboardPages(services: self.services, renderer: renderer, chrome: chrome, cookies: cookies)
            .addRoutes(to: WebRouteRegistrar(group: dashboard, prefix: "dashboard", area: .dashboard, table: self.routeTable))

        let console = web.group("admin")
        ConsolePages(services: self.services, renderer: renderer, chrome: chrome, resolver: resolver)
            .addRoutes(to: WebRouteRegistrar(group: console, prefix: "admin", area: .console, table: self.routeTable))
    }
}

extension SessionCookies {
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto") ?? .via
}
