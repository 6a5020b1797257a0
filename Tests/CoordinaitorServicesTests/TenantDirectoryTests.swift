import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import Logging
import Synchronization
import Testing

/// An organization repository that counts lookups; enough to see what the cache saves.
final class CountingOrganizations: OrganizationRepository {
    private let state = Mutex<(organizations: [Organization], lookups: Int)>(([], 0))

    var lookups: Int { self.state.withLock { $0.lookups } }

    func create(_ organization: Organization, owner: Membership?) async throws -> Organization {
        self.state.withLock { $0.organizations.append(organization) }
        return organization
    }

    func find(_ key: TenantKey) async throws -> Organization? {
        self.state.withLock { state in
            state.lookups += 1
            return state.organizations.first { $0.lookupKeys.contains(key) }
        }
    }

    func update(_ organization: Organization) async throws -> Organization {
        self.state.withLock { state in
            state.organizations = state.organizations.map { $0.id == organization.id ? organization : $0 }
        }
        return organization
    }

    func update(_ organization: Organization, ifUpdatedAt expected: Date) async throws -> Organization? {
        self.state.withLock { state in
            guard let index = state.organizations.firstIndex(where: { $0.id == organization.id }),
                state.organizations[index].updatedAt == expected
            else { return nil }
            state.organizations[index] = organization
            return organization
        }
    }

    func purge(_ id: OrganizationID) async throws {
        self.state.withLock { $0.organizations.removeAll { $0.id == id } }
    }

    func list(filter: OrganizationFilter, page: PageRequest) async throws -> Page<Organization> {
        Page(items: self.state.withLock { $0.organizations }, nextCursor: nil)
    }
}

/// The audit log these cache tests do not look at: appends are kept in memory, nothing is read back.
final class MemoryAuditLog: AuditLogRepository {
    private let entries = Mutex<[AuditEvent]>([])

    func append(_ events: [AuditEvent], key: any AuditChainKey) async throws -> [AuditEntry] {
        self.entries.withLock { $0 += events }
        return []
    }

    func query(_ query: AuditQuery) async throws -> Page<AuditEntry> { Page(items: [], nextCursor: nil) }
    func head(of chain: AuditChain) async throws -> AuditChainHead? { nil }
    func entries(of chain: AuditChain, fromSequence: Int64, limit: Int) async throws -> [AuditEntry] { [] }
    func prune(_ chain: AuditChain, before cutoff: Date) async throws -> Int { 0 }
    func chains() async throws -> [AuditChain] { [] }
}

@Suite("Tenant directory and its cache")
struct TenantDirectoryTests {
    let time = ManualTimeSource(Date(timeIntervalSince1970: 1_800_000_000))
    let repository = CountingOrganizations()

    func makeServices(_ configuration: TenantCache.Configuration = .init()) -> (TenantDirectory, OrganizationService) {
        let cache = TenantCache(configuration: configuration, time: self.time)
        return (
            TenantDirectory(organizations: self.repository, cache: cache),
            OrganizationService(
                organizations: self.repository, cache: cache, time: self.time, ids: UUIDv7Source(),
                audit: AuditTrail(
                    queue: AuditQueue(repository: MemoryAuditLog(), key: HMACAuditChainKey(secret: "test"), logger: Logger(label: "test")),
                    time: self.time, ids: UUIDv7Source())
            )
        )
    }

    func acme(_ service: OrganizationService) async throws -> Organization {
        try await service.create(NewOrganization(name: "acme-corp", displayName: "Acme", subdomain: "acme", domain: "acme.com", contactEmail: "a@acme.com"))
    }

    @Test func repeatedLookupsUnderEveryKeyHitTheCache() async throws {
        let (directory, service) = self.makeServices()
        let acme = try await self.acme(service)
        _ = try await directory.activeOrganization(for: .slug("acme"))
        for key in [TenantKey.slug("acme"), .id(acme.id), .slug("acme-corp"), .domain("acme.com")] {
            #expect(try await directory.activeOrganization(for: key) == acme)
        }
        #expect(self.repository.lookups == 1)
    }

    @Test func entriesExpireAfterTheTTL() async throws {
        let (directory, service) = self.makeServices(.init(ttl: 30, negativeTTL: 5, capacity: 100))
        _ = try await self.acme(service)
        _ = try await directory.organization(for: .slug("acme"))
        self.time.advance(by: 29)
        _ = try await directory.organization(for: .slug("acme"))
        #expect(self.repository.lookups == 1)
        self.time.advance(by: 2)
        _ = try await directory.organization(for: .slug("acme"))
        #expect(self.repository.lookups == 2)
    }

    @Test func unknownKeysAreRememberedBriefly() async throws {
        let (directory, _) = self.makeServices(.init(ttl: 30, negativeTTL: 5, capacity: 100))
        for _ in 0..<3 {
            await #expect(throws: TenancyError.self) { try await directory.activeOrganization(for: .slug("nobody")) }
        }
        #expect(self.repository.lookups == 1)
        self.time.advance(by: 6)
        _ = try await directory.organization(for: .slug("nobody"))
        #expect(self.repository.lookups == 2)
    }

    @Test func creatingAnOrganizationForgetsThatItWasUnknown() async throws {
        let (directory, service) = self.makeServices()
        #expect(try await directory.organization(for: .slug("acme")) == nil)
        let acme = try await self.acme(service)
        #expect(try await directory.organization(for: .slug("acme")) == acme)
    }

    @Test func aStatusChangeIsSeenOnTheNextLookup() async throws {
        let (directory, service) = self.makeServices()
        let acme = try await self.acme(service)
        _ = try await directory.activeOrganization(for: .id(acme.id))
        _ = try await service.setStatus(.suspended, of: .slug("acme"))
        await #expect {
            try await directory.activeOrganization(for: .domain("acme.com"))
        } throws: { ($0 as? TenancyError)?.code == .tenantInactive }
    }

    @Test func anAnswerReadBeforeAnInvalidationIsNotCached() async throws {
        let (_, service) = self.makeServices()
        let acme = try await self.acme(service)
        let cache = TenantCache(time: self.time)
        guard case .miss(let generation) = cache.lookup(.id(acme.id)) else {
            Issue.record("Expected a miss")
            return
        }
        // A suspension lands between the database read and the store.
        cache.invalidate(acme)
        cache.store(acme, for: .id(acme.id), generation: generation)
        guard case .miss = cache.lookup(.id(acme.id)) else {
            Issue.record("The stale answer was cached")
            return
        }
    }

    @Test func theCacheStaysWithinItsCapacity() async throws {
        let cache = TenantCache(configuration: .init(ttl: 30, negativeTTL: 30, capacity: 10), time: self.time)
        for index in 0..<100 { cache.store(nil, for: .slug("org\(index)")) }
        #expect(cache.count <= 10)
        guard case .hit = cache.lookup(.slug("org99")) else {
            Issue.record("The newest entry was evicted")
            return
        }
    }
}

@Suite("UUIDv7 ids")
struct UUIDv7Tests {
    @Test func idsSortByCreationTime() {
        let source = UUIDv7Source()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let ids = (0..<50).map { source.make(TaskKind.self, at: start.addingTimeInterval(Double($0) / 100)) }
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == 50)
        #expect(ids.allSatisfy { $0.description.dropFirst(14).hasPrefix("7") })
    }
}
