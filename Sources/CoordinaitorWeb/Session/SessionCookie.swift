import Foundation
import Hummingbird

/// The dashboard's session: the same signed, expiring access token the API takes as a bearer token, kept in an
/// HttpOnly cookie so page scripts never see it. Nothing is stored on the server, so every node behind a load balancer
/// accepts it; signing out removes the cookie from the browser (the token itself expires with `JWT_TTL`).
struct SessionCookies: Sendable {
    static let sessionName = "coordinaitor_session"
    /// Before sign-in there is no session to bind a CSRF token to: the sign-in form uses a random double-submit cookie.
    static let signInName = "coordinaitor_signin"

    /// `SESSION_COOKIE_DOMAIN`: share the session across the platform's subdomains; nil keeps cookies to one host.
    var domain: String?
    /// Whether a request arrived over HTTPS: cookies are then marked `Secure`.
    var isSecure: @Sendable (Request) -> Bool

    func session(_ token: String, expiresAt: Date, now: Date, for request: Request) -> Cookie {
        Cookie(
            name: Self.sessionName,
            value: token,
            maxAge: max(Int(expiresAt.timeIntervalSince(now)), 0),
            domain: self.domain,
            path: "/",
            secure: self.isSecure(request),
            httpOnly: true,
            sameSite: .lax
        )
    }

    func signInToken(_ value: String, for request: Request) -> Cookie {
        Cookie(name: Self.signInName, value: value, maxAge: 3600, path: "/", secure: self.isSecure(request), httpOnly: true, sameSite: .strict)
    }

    /// Expired copies that make the browser forget both cookies.
    func cleared(for request: Request) -> [Cookie] {
        [
            Cookie(name: Self.sessionName, value: "", maxAge: 0, domain: self.domain, path: "/", secure: self.isSecure(request), httpOnly: true, sameSite: .lax),
            Cookie(name: Self.signInName, value: "", maxAge: 0, path: "/", secure: self.isSecure(request), httpOnly: true, sameSite: .strict),
        ]
    }
}
