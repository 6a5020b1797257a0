import FoundationEssentials

/// What an API key may do. `read` reads, `write` also changes, `agent` is for agents claiming and completing tasks.
package enum APIKeyScope: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    case read, write, agent

    package static func < (lhs: APIKeyScope, rhs: APIKeyScope) -> Bool { lhs.rawValue < rhs.rawValue }

    /// API keys reach projects, tasks and agents only: never members, keys or settings.
    package var permissions: Set<Permission> {
        switch self {
        case .read: [.readResources]
        case .write, .agent: [.readResources, .writeResources]
        }
    }
}

/// A credential for agents and automation, confined to one organization.
///
/// The key itself (`cai_<prefix>_<secret>`) is shown once at creation; only its SHA-256 hash is stored, with the
/// visible prefix that finds it and lets people tell keys apart.
package struct APIKey: Hashable, Sendable {
    package var id: APIKeyID
    package var organizationID: OrganizationID
    package var name: String
    /// Unique and public, such as `cai_7Hq2xYtB`.
    package var prefix: String
    /// Lower-case hex SHA-256 of the whole key.
    package var secretHash: String
    package var scopes: Set<APIKeyScope>
    package var createdBy: UserID
    package var createdAt: Date
    package var expiresAt: Date?
    package var lastUsedAt: Date?
    package var revokedAt: Date?

    package init(
        id: APIKeyID,
        organizationID: OrganizationID,
        name: String,
        prefix: String,
        secretHash: String,
        scopes: Set<APIKeyScope>,
        createdBy: UserID,
        createdAt: Date,
        expiresAt: Date?,
        lastUsedAt: Date?,
        revokedAt: Date?
    ) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.prefix = prefix
        self.secretHash = secretHash
        self.scopes = scopes
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }

    /// Whether the key may be used at `now`: not revoked and not expired.
    package func isUsable(at now: Date) -> Bool {
        self.revokedAt == nil && (self.expiresAt.map { $0 > now } ?? true)
    }
}
