import FoundationEssentials

/// API keys are tenant-owned. Authentication finds a key by its public prefix without a scope (the key names its
/// organization); everything else is scoped.
package protocol APIKeyRepository: Sendable {
    /// - Throws: ``ResourceError`` `.conflict` (field `prefix`) in the unlikely case the random prefix is taken.
    func create(in scope: TenantScope, _ key: APIKey) async throws -> APIKey
    /// Keys of the organization, newest first, revoked ones included.
    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<APIKey>
    func find(in scope: TenantScope, id: APIKeyID) async throws -> APIKey?
    /// Sets `revokedAt` (once; revoking again keeps the first time). - Throws: `.notFound` when not in scope.
    func revoke(in scope: TenantScope, id: APIKeyID, at time: Date) async throws -> APIKey
    /// The key with this prefix, in any organization and state, for authentication.
    func find(prefix: String) async throws -> APIKey?
    /// Records when keys were last used, in one batched write (authentication counts uses in memory and flushes them).
    func recordUse(_ lastUsed: [APIKeyID: Date]) async throws
}

/// Invitations are tenant-owned; acceptance finds one by its token hash without a scope (the token names its organization).
package protocol InvitationRepository: Sendable {
    /// Stores a new invitation. In the same transaction, earlier pending invitations for the same email that have
    /// expired by `invitation.createdAt` are revoked, so they do not block a new one.
    /// - Throws: ``ResourceError`` `.conflict` (field `email`) when a pending invitation for this email exists (a partial
    ///   unique index: accepted or revoked invitations do not count).
    func create(in scope: TenantScope, _ invitation: Invitation) async throws -> Invitation
    /// Invitations of the organization, newest first.
    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Invitation>
    /// - Throws: `.notFound` when not in scope; `.invalidTransition` when already accepted.
    func revoke(in scope: TenantScope, id: InvitationID, at time: Date) async throws -> Invitation
    func find(tokenHash: String) async throws -> Invitation?
    /// In one transaction: marks the invitation accepted only if it is still pending at `time` (a conditional update,
    /// so a token cannot be used twice, even concurrently) and adds the membership.
    /// - Throws: ``ResourceError`` `.invalidTransition` when it is no longer pending; `.conflict` (resource
    ///   `membership`) when the user is already a member (nothing is changed then).
    /// The membership counts towards `users` within `limits` (``UsageLimitReachedError``: nothing is changed).
    func accept(_ id: InvitationID, by user: UserID, at time: Date, limits: UsageLimits) async throws -> Membership
}
