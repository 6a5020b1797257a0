import CoordinaitorDomain
import Foundation

/// Hashes and checks passwords. Implementations must keep the slow work off the event loops.
package protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
    /// A hash of a random secret at the same cost as real ones: checked against when an email is unknown.
    var decoyHash: String { get }
}

/// Issues and checks the access tokens users sign in with.
package protocol AccessTokenService: Sendable {
    /// A signed token for `user`, and when it expires.
    func issue(for user: UserID) async throws -> IssuedToken
    /// The user a valid, unexpired token was issued to.
    /// - Throws: when the token is malformed, signed otherwise, uses another algorithm, or has expired.
    func verify(_ token: String) async throws -> UserID
}

package struct IssuedToken: Sendable, Hashable {
    package var token: String
    package var expiresAt: Date

    package init(token: String, expiresAt: Date) {
        self.token = token
        self.expiresAt = expiresAt
    }
}
