import Foundation
import Hummingbird

/// A secret made by a form (an invitation token, an API key, a webhook's signing secret), carried to the page the
/// form redirects to in a short-lived HttpOnly cookie, shown there once and forgotten. The redirect keeps a reload
/// from posting the form again; the cookie keeps the secret out of the URL and off the server.
struct RevealedSecret: Codable, Sendable, Equatable {
    enum Kind: String, Codable, Sendable {
        case invitation, apiKey, webhook
    }

    static let cookieName = "coordinaitor_reveal"

    var kind: Kind
    /// What the secret belongs to, such as the invited email or the key's name.
    var label: String
    var secret: String

    func cookie(secure: Bool) -> Cookie {
        let json = (try? JSONEncoder().encode(self)) ?? Data()
        let value = json.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return Cookie(name: Self.cookieName, value: value, maxAge: 120, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func cleared(secure: Bool) -> Cookie {
        Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The secret a request carries for `kind`, if any.
    static func read(from request: Request, kind: Kind) -> RevealedSecret? {
        guard var base64 = request.cookies[Self.cookieName]?.value, !base64.isEmpty else { return nil }
        base64 = base64.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let secret = try? JSONDecoder().decode(Self.self, from: data), secret.kind == kind else {
            return nil
        }
        return secret
    }
}

extension Response {
    /// Shows `secret` (when there is one) and makes the browser forget it.
    mutating func forget(_ secret: RevealedSecret?, secure: Bool) {
        if secret != nil { self.setCookie(RevealedSecret.cleared(secure: secure)) }
    }
}
