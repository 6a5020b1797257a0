/// Users are global (a user may belong to several organizations); their email is unique, case-insensitively.
package protocol UserRepository: Sendable {
    /// - Throws: ``ResourceError`` `.conflict` with field `email` when the email is taken (including by a concurrent sign-up).
    func create(_ user: User) async throws -> User
    func find(id: UserID) async throws -> User?
    /// The users with these ids, ordered by id, in one query; unknown ids are skipped and an empty list reads nothing.
    func find(ids: [UserID]) async throws -> [User]
    /// `email` is compared in its normalized (lower-case) form.
    func find(email: String) async throws -> User?
    /// - Throws: ``ResourceError`` `.notFound` when there is no such user.
    func update(_ user: User) async throws -> User
}

/// Memberships are tenant-owned: every method but ``memberships(of:)`` takes the scope first.
package protocol MembershipRepository: Sendable {
    /// Counts the member (`users`) within `limits` in the same transaction.
    /// - Throws: ``ResourceError`` `.conflict` (field `userId`) when the user is already a member; `.notFound` (resource
    ///   `user`) when there is no such user; ``UsageLimitReachedError`` when the organization has no seat left.
    func add(in scope: TenantScope, _ membership: Membership, limits: UsageLimits) async throws -> Membership
    func find(in scope: TenantScope, userID: UserID) async throws -> Membership?
    /// Members of the organization, oldest first, by user id.
    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Membership>
    /// Read–modify–write in one transaction, like the resource repositories.
    /// - Throws: ``ResourceError`` `.invalidTransition` (field `role`) when the change would leave the organization
    ///   without an owner; checked in the same transaction with the owners' rows locked, so two concurrent demotions
    ///   cannot both pass.
    func update(in scope: TenantScope, userID: UserID, _ change: @Sendable (Membership) throws -> Membership) async throws -> Membership
    /// - Throws: `.notFound`; `.invalidTransition` when it would remove the last owner (checked like `update`).
    /// `permitting` sees the membership as read inside the transaction and may throw to refuse (nothing is deleted then),
    /// so an authority check cannot race a concurrent role change.
    /// Frees the member's seat (`users`) in the same transaction.
    func remove(
        in scope: TenantScope,
        userID: UserID,
        limits: UsageLimits,
        permitting: @Sendable (Membership) throws -> Void
    ) async throws
    /// Every organization the user belongs to. Keyed by the user, not by a tenant: it answers "where may I go?".
    func memberships(of userID: UserID) async throws -> [Membership]
}

extension MembershipRepository {
    /// Removes the membership with no check beyond the last-owner rule.
    package func remove(in scope: TenantScope, userID: UserID, limits: UsageLimits) async throws {
        try await self.remove(in: scope, userID: userID, limits: limits, permitting: { _ in })
    }
}
