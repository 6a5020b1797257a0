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
    /// Tokens already verified, with their user, until they expire. A client sends the same token with every call
    /// for its lifetime; remembering the exact string spares each call the signature check and the claims' JSON
    /// decoding, and the hop onto the key collection's actor that every request would otherwise queue for.
    private let verified: ExpiringCache<String, UserID>

    /// - Parameters:
    ///   - secret: the signing secret (`JWT_SECRET`), at least 32 bytes.
    ///   - lifetime: how long a token is valid (`JWT_TTL`, default one hour).
    ///   - verifiedCapacity: how many verified tokens are remembered (the oldest are forgotten first).
    package init(secret: String, lifetime: TimeInterval = 3600, time: any TimeSource = SystemTimeSource(), verifiedCapacity: Int = 10_000) async {
        self.keys = JWTKeyCollection()
        await self.keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        self.lifetime = lifetime
        self.time = time
        self.verified = ExpiringCache(capacity: verifiedCapacity)
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
        if case .hit(let user) = self.verified.lookup(token, now: Date()) { return user }
        let claims = try await self.keys.verify(token, as: Claims.self)
        guard let user = UserID(claims.sub.value) else { throw JWTError.claimVerificationFailure(failedClaim: claims.sub, reason: "not a user id") }
        // Remembered only until the token expires (on the clock jwt-kit checks `exp` against), so that a cached answer
        // never outlives the token. The string is the whole token, signature included: a changed token is a miss.
        self.verified.store(user, under: [token], expires: claims.exp.value)
        return user
    }
}
