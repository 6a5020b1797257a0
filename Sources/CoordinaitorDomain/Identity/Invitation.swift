import FoundationEssentials

/// An invitation to join an organization with a role, sent to an email address.
///
/// The token (at least 32 random bytes) is returned once; only its SHA-256 hash is stored.
package struct Invitation: Hashable, Sendable {
    package static let defaultLifetime: TimeInterval = 7 * 86400
    package static let maximumLifetime: TimeInterval = 30 * 86400

    package enum State: String, Hashable, Sendable {
        case pending, accepted, revoked, expired
    }

    package var id: InvitationID
    package var organizationID: OrganizationID
    /// Normalized (lower-case).
    package var email: String
    package var role: Role
    /// Lower-case hex SHA-256 of the token.
    package var tokenHash: String
    package var invitedBy: UserID
    package var createdAt: Date
    package var expiresAt: Date
    package var acceptedAt: Date?
    package var revokedAt: Date?

    package init(
        id: InvitationID,
        organizationID: OrganizationID,
        email: String,
        role: Role,
        tokenHash: String,
        invitedBy: UserID,
        createdAt: Date,
        expiresAt: Date,
        acceptedAt: Date?,
        revokedAt: Date?
    ) {
        self.id = id
        self.organizationID = organizationID
        self.email = email
        self.role = role
        self.tokenHash = tokenHash
        self.invitedBy = invitedBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.acceptedAt = acceptedAt
        self.revokedAt = revokedAt
    }

    package func state(at now: Date) -> State {
        if self.acceptedAt != nil { return .accepted }
        if self.revokedAt != nil { return .revoked }
        return self.expiresAt <= now ? .expired : .pending
    }
}
