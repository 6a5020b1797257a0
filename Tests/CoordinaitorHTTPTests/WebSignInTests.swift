import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Dashboard sign-in, session cookie, CSRF and security headers")
struct WebSignInTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]
    static let acmeHost = "acme.localhost:8080"

    @Test func signInSetsAnHttpOnlySessionCookieAndPagesCarryAStrictPolicy() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            var browser = WebBrowser(client, host: Self.acmeHost)
            let form = try await browser.get("/login")
            #expect(form.status == .ok)
            #expect(form.text.contains("Acme-Corp"), "the sign-in page wears the organization's name")
            let policy = try #require(form.headers[.contentSecurityPolicy])
            for directive in ["default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'"] {
                #expect(policy.contains(directive))
            }
            #expect(!policy.contains("unsafe-inline"))
            #expect(form.headers[.cacheControl] == "no-store")
            #expect(form.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")

            let wrong = try await browser.post("/login", ["email": data.acme.owner.email, "password": "not the password"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("The email or the password is wrong."))
            #expect(browser.cookies["coordinaitor_session"] == nil)

            let right = try await browser.post("/login", ["email": data.acme.owner.email, "password": TwoTenants.password, "next": "/dashboard/usage"])
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/dashboard/usage")
            let cookie = try #require(right.headers[values: .setCookie].first { $0.hasPrefix("coordinaitor_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain HTTP without a trusted proxy")
            let usage = try await browser.get("/dashboard/usage")
            #expect(usage.status == .ok)
            #expect(usage.text.contains("<h1>Usage</h1>"))

            let signedOut = try await browser.post("/logout", [:])
            #expect(signedOut.status == .seeOther)
            #expect(browser.cookies["coordinaitor_session"] == nil)
            let after = try await browser.get("/dashboard")
            #expect(after.status == .seeOther)
        }
    }

    @Test func behindATrustedHTTPSProxyTheCookieIsSecure() async throws {
        let environment = Self.multiTenant.merging(["TRUST_PROXY": "true"]) { $1 }
        try await TestServer(environment: environment).run(seed: TwoTenants.seed) { client, _, data in
            var browser = WebBrowser(client, host: Self.acmeHost)
            let proto: HTTPFields = [HTTPField.Name("X-Forwarded-Proto")!: "https"]
            try await browser.get("/login", headers: proto)
            let response = try await browser.post("/login", ["email": data.acme.owner.email, "password": TwoTenants.password], headers: proto)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("coordinaitor_session=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test func pagesWithoutASessionGoToSignInAndComeBack() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, _ in
            var browser = WebBrowser(client, host: Self.acmeHost)
            let page = try await browser.get("/dashboard/members")
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login?next=/dashboard/members")
            // A forged session cookie is no session.
            browser.cookies["coordinaitor_session"] = "eyJhbGciOiJub25lIn0.e30."
            #expect(try await browser.get("/dashboard").status == .seeOther)
        }
    }

    @Test func signInNeverRedirectsOffSite() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            var browser = WebBrowser(client, host: Self.acmeHost)
            try await browser.get("/login")
            let response = try await browser.post(
                "/login", ["email": data.acme.owner.email, "password": TwoTenants.password, "next": "//evil.example/steal"])
            #expect(response.headers[.location] == "/dashboard")
        }
    }

    @Test func formsWithoutThisSessionsTokenAreRefusedAndChangeNothing() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, services, data in
            var owner = try await WebBrowser.signIn(client, host: Self.acmeHost, email: data.acme.owner.email)
            try await owner.get("/dashboard/settings")
            let fields = ["displayName": "Hijacked", "contactEmail": "evil@evil.example"]
            // No token, another session's token, a token from before sign-in.
            var other = try await WebBrowser.signIn(client, host: Self.acmeHost, email: data.acme.owner.email)
            try await other.get("/dashboard/settings")
            for token in [String?.none, other.csrf.map { $0 + "x" }, "", CSRFTokenLookalike.value] {
                let response = try await owner.post("/dashboard/settings", fields, csrf: .some(token))
                #expect(response.status == .forbidden, "token \(token ?? "none")")
                #expect(response.text.contains("did not come from this site"))
            }
            // The right token from another origin.
            let crossOrigin = try await owner.post("/dashboard/settings", fields, headers: [.origin: "http://evil.example"])
            #expect(crossOrigin.status == .forbidden)
            // JSON is not a form.
            let json = try await owner.post("/dashboard/settings", fields, headers: [.contentType: "application/json"])
            #expect(json.status == .unsupportedMediaType)
            let stored = try #require(try await services.organizations.find(.id(data.acme.organization.id)))
            #expect(stored.displayName == data.acme.organization.displayName)
            // The same form with the token goes through.
            let accepted = try await owner.post("/dashboard/settings", ["displayName": "Acme Renamed", "contactEmail": "ops@acme.test"])
            #expect(accepted.status == .seeOther)
            #expect(try await services.organizations.find(.id(data.acme.organization.id))?.displayName == "Acme Renamed")
        }
    }

    private enum CSRFTokenLookalike {
        static let value = String(repeating: "A", count: 43)
    }

    @Test func staticAssetsAreServedWithAnETagAndRevalidate() async throws {
        try await TestServer().run { client, _ in
            let css = try await client.execute(uri: "/assets/app.css", method: .get, headers: [:], body: nil)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            let tag = try #require(css.headers[.eTag])
            #expect(css.headers[.cacheControl]?.contains("immutable") == true)
            let again = try await client.execute(uri: "/assets/app.css", method: .get, headers: [.ifNoneMatch: tag], body: nil)
            #expect(again.status == .notModified)
            #expect(try await client.execute(uri: "/assets/missing.js", method: .get, headers: [:], body: nil).status == .notFound)
        }
    }
}
