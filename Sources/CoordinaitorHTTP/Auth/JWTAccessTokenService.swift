import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import JWTKit

/// HS256 access tokens. The algorithm is pinned: the key collection holds only this HMAC key, so a token that claims
/// `none` or any other algorithm finds no key and is refused.
package struct JWTAccessTokenService: AccessTokenService {
    /// The claims of an access token: `sub`, `iat`, `exp` and a unique `jti`.
    struct Claims: JWTPayload {
        var sub: SubjectClaim
        var iat: IssuedAtClaim
        var exp: ExpirationClaim
        var jti: IDClaim

        func verify(using algorithm: some JWTAlgorithm) async throws {
            try self.exp.verifyNotExpired()
        }
    }

    private let keys: JWTKeyCollection
    private let lifetime: TimeInterval
    private let time: any TimeSource

    /// - Parameters:
    ///   - secret: the signing secret (`JWT_SECRET`), at least 32 bytes.
    ///   - lifetime: how long a token is valid (`JWT_TTL`, default one hour).
    package init(secret: String, lifetime: TimeInterval = 3600, time: any TimeSource = SystemTimeSource()) async {
        self.keys = JWTKeyCollection()
        await self.keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        self.lifetime = lifetime
        self.time = time
    }

    package func issue(for user: UserID) async throws -> IssuedToken {
        let now = self.time.now()
        let expiresAt = now.addingTimeInterval(self.lifetime)
        let claims = Claims(
            sub: SubjectClaim(value: user.description),
            iat: IssuedAtClaim(value: now),
            exp: ExpirationClaim(value: expiresAt),
            jti: IDClaim(value: UUID().uuidString.lowercased())
        )
        return IssuedToken(token: try await self.keys.sign(claims), expiresAt: expiresAt)
    }

    package func verify(_ token: String) async throws -> UserID {
        let claims = try await self.keys.verify(token, as: Claims.self)
        guard let user = UserID(claims.sub.value) else { throw JWTError.claimVerificationFailure(failedClaim: claims.sub, reason: "not a user id") }
        return user
    }
}
