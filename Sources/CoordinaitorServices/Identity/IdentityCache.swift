import CoordinaitorDomain
import Foundation

/// Keeps the users and memberships that every authenticated request reads (who is calling, and with which role in
/// the organization) in memory for a few seconds, so that a request does not pay two database reads before its own.
///
/// Only what was found is cached; an absent membership or user is read again each time, so an invitation accepted or
/// an account created is seen at once. Every change made through this node's repositories invalidates its entries as
/// it commits. A change made by another node, or directly in the database, is seen within `ttl`.
package final class IdentityCache: Sendable {
    package struct Configuration: Hashable, Sendable {
        /// Seconds an entry is trusted; 0 turns the cache off.
        package var ttl: TimeInterval
        package var capacity: Int

        package init(ttl: TimeInterval = 5, capacity: Int = 100_000) {
            self.ttl = max(0, ttl)
            self.capacity = max(1, capacity)
        }

        package var isEnabled: Bool { self.ttl > 0 }
    }

    struct MembershipKey: Hashable, Sendable {
        var organizationID: OrganizationID
        var userID: UserID
    }

    let configuration: Configuration
    let users: ExpiringCache<UserID, User>
    let memberships: ExpiringCache<MembershipKey, Membership>
    private let time: any TimeSource

    package init(configuration: Configuration, time: any TimeSource) {
        self.configuration = configuration
        self.users = ExpiringCache(capacity: configuration.capacity)
        self.memberships = ExpiringCache(capacity: configuration.capacity)
        self.time = time
    }

    /// `repository` with `find(id:)` answered from the cache.
    package func caching(_ repository: any UserRepository) -> any UserRepository {
        self.configuration.isEnabled ? CachedUserRepository(base: repository, cache: self) : repository
    }

    /// `repository` with `find(in:userID:)` answered from the cache.
    package func caching(_ repository: any MembershipRepository) -> any MembershipRepository {
        self.configuration.isEnabled ? CachedMembershipRepository(base: repository, cache: self) : repository
    }

    /// The cached value for `key`, or the one `read` finds, which is cached unless it is nil or an invalidation
    /// happened while it was read.
    func value<Key, Value>(
        in cache: ExpiringCache<Key, Value>, for key: Key, read: () async throws -> Value?
    ) async throws -> Value? {
        let generation: UInt64
        switch cache.lookup(key, now: self.time.now()) {
        case .hit(let value): return value
        case .miss(let missGeneration): generation = missGeneration
        }
        guard let value = try await read() else { return nil }
        cache.store(value, under: [key], expires: self.time.now().addingTimeInterval(self.configuration.ttl), generation: generation)
        return value
    }
}

/// Users, with lookups by id cached; updates invalidate the user's entry.
struct CachedUserRepository: UserRepository {
    let base: any UserRepository
    let cache: IdentityCache

    func find(id: UserID) async throws -> User? {
        try await self.cache.value(in: self.cache.users, for: id) { try await self.base.find(id: id) }
    }

    func update(_ user: User) async throws -> User {
        // Also when the update fails: it may have committed before the error.
        defer { self.cache.users.invalidate([user.id]) }
        return try await self.base.update(user)
    }

    func create(_ user: User) async throws -> User { try await self.base.create(user) }
    func find(ids: [UserID]) async throws -> [User] { try await self.base.find(ids: ids) }
    func find(email: String) async throws -> User? { try await self.base.find(email: email) }
}

/// Memberships, with the lookup of one user's membership cached; every change invalidates that membership's entry.
struct CachedMembershipRepository: MembershipRepository {
    let base: any MembershipRepository
    let cache: IdentityCache

    func find(in scope: TenantScope, userID: UserID) async throws -> Membership? {
        let key = IdentityCache.MembershipKey(organizationID: scope.organizationID, userID: userID)
        return try await self.cache.value(in: self.cache.memberships, for: key) { try await self.base.find(in: scope, userID: userID) }
    }

    func add(in scope: TenantScope, _ membership: Membership, limits: UsageLimits) async throws -> Membership {
        defer { self.invalidate(scope, membership.userID) }
        return try await self.base.add(in: scope, membership, limits: limits)
    }

    func update(in scope: TenantScope, userID: UserID, _ change: @Sendable (Membership) throws -> Membership) async throws -> Membership {
        defer { self.invalidate(scope, userID) }
        return try await self.base.update(in: scope, userID: userID, change)
    }

    func remove(
        in scope: TenantScope,
        userID: UserID,
        limits: UsageLimits,
        permitting: @Sendable (Membership) throws -> Void
    ) async throws {
        defer { self.invalidate(scope, userID) }
        try await self.base.remove(in: scope, userID: userID, limits: limits, permitting: permitting)
    }

    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Membership> {
        try await self.base.list(in: scope, page: page)
    }

    func memberships(of userID: UserID) async throws -> [Membership] {
        try await self.base.memberships(of: userID)
    }

    private func invalidate(_ scope: TenantScope, _ userID: UserID) {
        self.cache.memberships.invalidate([IdentityCache.MembershipKey(organizationID: scope.organizationID, userID: userID)])
    }
}
