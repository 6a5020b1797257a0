import CoordinaitorDomain
import Crypto
import Foundation

/// Creating, listing, revoking and checking API keys.
///
/// A key reads `cai_<8 hex digits>_<64 hex digits>`: the first part is its public, unique prefix; the whole key is hashed with
/// SHA-256 for storage (keys are long random strings, so a fast hash is enough, unlike passwords).
package struct APIKeyService: Sendable {
    package static let keyPrefix = "cai_"

    private let keys: any APIKeyRepository
    private let usage: APIKeyUsageRecorder
    private let time: any TimeSource
    private let ids: any IdentifierSource
    private let audit: AuditTrail

    package init(keys: any APIKeyRepository, usage: APIKeyUsageRecorder, time: any TimeSource, ids: any IdentifierSource, audit: AuditTrail) {
        self.audit = audit
        self.keys = keys
        self.usage = usage
        self.time = time
        self.ids = ids
    }

    /// A new key and its secret, which is never shown again.
    package struct Created: Sendable {
        package var key: APIKey
        package var secret: String
    }

    package func create(
        in scope: TenantScope,
        name: String,
        scopes: Set<APIKeyScope>,
        expiresAt: Date?,
        createdBy: UserID
    ) async throws -> Created {
        let now = self.time.now()
        var collector = ValidationCollector()
        TextRules.checkName(name, field: "name", into: &collector)
        collector.check(!scopes.isEmpty, field: "scopes", "Give at least one of: \(APIKeyScope.allCases.map(\.rawValue).joined(separator: ", ")).")
        if let expiresAt { collector.check(expiresAt > now, field: "expiresAt", "Must be in the future.") }
        try collector.throwIfAny()

        let prefix = Self.keyPrefix + Self.randomHex(bytes: 4)
        let secret = prefix + "_" + Self.randomHex(bytes: 32)
        let key = APIKey(
            id: self.ids.make(APIKeyKind.self, at: now),
            organizationID: scope.organizationID,
            name: name.trimmed,
            prefix: prefix,
            secretHash: Self.sha256(secret),
            scopes: scopes,
            createdBy: createdBy,
            createdAt: now,
            expiresAt: expiresAt,
            lastUsedAt: nil,
            revokedAt: nil
        )
        let created = try await self.keys.create(in: scope, key)
        self.audit.record(
            .apiKeyCreated, in: scope.organizationID, target: AuditTarget(created.id),
            metadata: ["prefix": created.prefix, "scopes": created.scopes.map(\.rawValue).sorted().joined(separator: ",")]
        )
        return Created(key: created, secret: secret)
    }

    package func list(in scope: TenantScope, page: PageRequest) async throws -> Page<APIKey> {
        try await self.keys.list(in: scope, page: page)
    }

    package func revoke(in scope: TenantScope, id: APIKeyID) async throws -> APIKey {
        let revoked = try await self.keys.revoke(in: scope, id: id, at: self.time.now())
        self.audit.record(.apiKeyRevoked, in: scope.organizationID, target: AuditTarget(id), metadata: ["prefix": revoked.prefix])
        return revoked
    }

    /// The usable key `raw` is, or nil (unknown, wrong secret, revoked or expired). Its use is recorded in memory.
    package func authenticate(_ raw: String) async throws -> APIKey? {
        guard raw.hasPrefix(Self.keyPrefix), raw.utf8.count <= 128, let prefix = Self.prefix(of: raw),
            let key = try await self.keys.find(prefix: prefix),
            Self.constantTimeEquals(key.secretHash, Self.sha256(raw))
        else { return nil }
        let now = self.time.now()
        guard key.isUsable(at: now) else { return nil }
        self.usage.record(key.id, at: now)
        return key
    }

    /// `cai_AbCdEfGh` from `cai_AbCdEfGh_secret`.
    static func prefix(of raw: String) -> String? {
        let body = raw.dropFirst(self.keyPrefix.count)
        guard let separator = body.firstIndex(of: "_") else { return nil }
        return self.keyPrefix + body[..<separator]
    }

    package static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).lowercaseHex
    }

    /// `count` random bytes as lower-case hex: no separators, so the prefix and the secret split unambiguously.
    package static func randomHex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }.lowercaseHex
    }

    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
