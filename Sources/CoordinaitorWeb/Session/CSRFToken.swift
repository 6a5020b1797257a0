import Crypto
import Foundation

/// Tokens that every dashboard form carries in its `_csrf` field.
///
/// With a session, the token is an HMAC of the session's own token: it cannot be computed without the HttpOnly cookie
/// and needs no storage. Before sign-in it is a random value also set as a SameSite=Strict cookie (double submit).
enum CSRFToken {
    static let fieldName = "_csrf"

    static func forSession(_ sessionToken: String) -> String {
        let key = SymmetricKey(data: Data("coordinaitor dashboard csrf v1".utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(sessionToken.utf8), using: key)
        return Self.base64URL(Data(mac))
    }

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Self.base64URL(Data(bytes))
    }

    /// Compares in time independent of where the values differ.
    static func matches(_ presented: String?, _ expected: String) -> Bool {
        guard let presented else { return false }
        let a = Array(presented.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
