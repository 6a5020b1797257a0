import CoordinaitorDomain
import CoordinaitorSQLite
import CoordinaitorServices
import CoordinaitorTesting
import Foundation
import Logging
import Testing

/// The identity cache saves the user and membership reads of every authenticated request, without letting a change
/// made on this node go unseen, and sees changes made elsewhere (another node, the database) within its TTL.
@Suite("Identity cache")
struct IdentityCacheTests {
    /// Services over a real SQLite store, on a clock the test moves; `store` is the database underneath, as another
    /// node sharing it would change it.
    struct Fixture {
        let services: CoreServices
        let store: SQLiteDataStore
        let time: ManualTimeSource
        let organization: Organization
        let ann: User
        let bob: User

        func access(_ user: User) async throws -> TenantAccess {
            try await self.services.identities.access(of: .user(user), to: self.organization.id)
        }
    }

    private func withFixture(ttl: TimeInterval = 5, _ body: (Fixture) async throws -> Void) async throws {
        try await withSQLiteStore { store in
            let time = ManualTimeSource(Date(timeIntervalSince1970: 1_800_000_000))
            let services = CoreServices(
                store: store, hasher: UnusedHasher(), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
                identityCacheConfiguration: IdentityCache.Configuration(ttl: ttl), time: time,
                auditKey: HMACAuditChainKey(secret: "identity-cache-tests"))
            let ann = try await store.users.create(ContractFixtures.user("ann@acme.test"))
            let bob = try await store.users.create(ContractFixtures.user("bob@acme.test", name: "Bob"))
            let organization = try await services.organizations.create(
                NewOrganization(name: "acme", displayName: "Acme", subdomain: "acme", contactEmail: "ann@acme.test"), owner: ann.id)
            try await body(Fixture(services: services, store: store, time: time, organization: organization, ann: ann, bob: bob))
        }
    }

    @Test func aChangeMadeElsewhereIsSeenWithinTheTTLAndNotBefore() async throws {
        try await withFixture { fixture in
            _ = try await fixture.services.identities.addMember(fixture.bob.id, to: fixture.organization, role: .member)
            #expect(try await fixture.access(fixture.bob) == .member(.member))
            // Another node demotes Bob: this node keeps the role it read for up to the TTL (5 s)...
            _ = try await fixture.store.memberships.update(in: TenantScope(fixture.organization), userID: fixture.bob.id) {
                var demoted = $0
                demoted.role = .viewer
                return demoted
            }
            fixture.time.advance(by: 4)
            #expect(try await fixture.access(fixture.bob) == .member(.member), "served from the cache within the TTL")
            // ...and no longer.
            fixture.time.advance(by: 1.5)
            #expect(try await fixture.access(fixture.bob) == .member(.viewer))
        }
    }

    @Test func changesMadeThroughThisNodeAreSeenAtOnce() async throws {
        try await withFixture { fixture in
            let owner = MemberActor(userID: fixture.ann.id, role: .owner)
            _ = try await fixture.services.identities.addMember(fixture.bob.id, to: fixture.organization, role: .admin)
            #expect(try await fixture.access(fixture.bob) == .member(.admin))

            _ = try await fixture.services.members.changeRole(in: TenantScope(fixture.organization), of: fixture.bob.id, to: .viewer, by: owner)
            #expect(try await fixture.access(fixture.bob) == .member(.viewer))

            _ = try await fixture.services.members.transferOwnership(in: TenantScope(fixture.organization), to: fixture.bob.id, by: fixture.ann.id)
            #expect(try await fixture.access(fixture.bob) == .member(.owner))
            #expect(try await fixture.access(fixture.ann) == .member(.admin))

            try await fixture.services.members.remove(
                in: fixture.organization, member: fixture.ann.id, by: MemberActor(userID: fixture.bob.id, role: .owner))
            #expect(try await fixture.access(fixture.ann) == .crossTenantDenied, "a removed member is refused on the next request")
        }
    }

    @Test func anAbsentMembershipIsNotRemembered() async throws {
        try await withFixture { fixture in
            #expect(try await fixture.access(fixture.bob) == .crossTenantDenied)
            // Bob joins on another node (an invitation accepted there): he is let in at once, not after the TTL.
            _ = try await fixture.store.memberships.add(
                in: TenantScope(fixture.organization), ContractFixtures.membership(of: fixture.bob, in: fixture.organization),
                limits: .unlimited(in: UsagePeriod(containing: fixture.time.now())))
            #expect(try await fixture.access(fixture.bob) == .member(.member))
        }
    }

    @Test func aDisabledAccountIsRefusedOnceTheTTLHasPassed() async throws {
        try await withFixture { fixture in
            #expect(try await fixture.services.identities.user(id: fixture.ann.id)?.status == .active)
            var disabled = fixture.ann
            disabled.status = .disabled
            _ = try await fixture.store.users.update(disabled)
            fixture.time.advance(by: 5)
            #expect(try await fixture.services.identities.user(id: fixture.ann.id)?.status == .disabled)
        }
    }

    @Test func aTTLOfZeroReadsTheDatabaseEveryTime() async throws {
        try await withFixture(ttl: 0) { fixture in
            _ = try await fixture.services.identities.addMember(fixture.bob.id, to: fixture.organization, role: .member)
            #expect(try await fixture.access(fixture.bob) == .member(.member))
            _ = try await fixture.store.memberships.update(in: TenantScope(fixture.organization), userID: fixture.bob.id) {
                var changed = $0
                changed.role = .viewer
                return changed
            }
            #expect(try await fixture.access(fixture.bob) == .member(.viewer))
        }
    }

    @Test func aValueReadBeforeAnInvalidationIsNotStored() {
        let cache = ExpiringCache<String, Int>(capacity: 10)
        let now = Date()
        guard case .miss(let generation) = cache.lookup("ann", now: now) else {
            Issue.record("an empty cache answered a hit")
            return
        }
        // The read takes a while; meanwhile the value changes and is invalidated.
        cache.invalidate(["ann"])
        cache.store(1, under: ["ann"], expires: now.addingTimeInterval(5), generation: generation)
        guard case .miss = cache.lookup("ann", now: now) else {
            Issue.record("the stale value was stored")
            return
        }
    }

    @Test func theOldestEntriesAreEvictedPastCapacity() {
        let cache = ExpiringCache<Int, Int>(capacity: 3)
        let now = Date()
        for key in 1...5 { cache.store(key, under: [key], expires: now.addingTimeInterval(60)) }
        #expect(cache.count == 3)
        let kept = (1...5).filter { if case .hit = cache.lookup($0, now: now) { true } else { false } }
        #expect(kept == [3, 4, 5])
    }
}

/// The fixtures never sign in: no password is hashed.
private struct UnusedHasher: PasswordHasher {
    func hash(_ password: String) async throws -> String { "unused" }
    func verify(_ password: String, against hash: String) async throws -> Bool { false }
    var decoyHash: String { "unused" }
}
