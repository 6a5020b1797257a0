import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import NIOCore
import Testing

/// The bookkeeping of kept task-list pages: what is kept, for whom, for how long, and within which memory.
@Suite("Task list cache: pages kept")
struct TaskListPageCacheTests {
    let acme = OrganizationID(UUID())
    let globex = OrganizationID(UUID())
    let time = ManualTimeSource(Date(timeIntervalSince1970: 1_800_000_000))

    func cache(_ configuration: TaskListCache.Configuration = .init(ttl: 5)) -> TaskListCache {
        TaskListCache(configuration: configuration, time: self.time)
    }

    static func key(limit: Int = 20, status: TaskStatus? = nil) -> TaskListCache.PageKey {
        TaskListCache.PageKey(filter: TaskFilter(status: status), page: PageRequest(limit: limit))
    }

    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    /// The body kept for `key`, or nil; a miss is stored as nothing.
    func kept(_ cache: TaskListCache, _ key: TaskListCache.PageKey, in organization: OrganizationID) -> String? {
        guard case .hit(let body) = cache.lookup(key, in: organization) else { return nil }
        return String(buffer: body)
    }

    /// Looks up `key` and stores `text` after the miss, as a request would.
    func render(_ cache: TaskListCache, _ text: String, for key: TaskListCache.PageKey, in organization: OrganizationID) {
        guard case .miss(let generation) = cache.lookup(key, in: organization) else { return }
        cache.store(Self.body(text), for: key, in: organization, generation: generation)
    }

    @Test func aPageIsKeptForItsOrganizationAndQueryOnly() {
        let cache = self.cache()
        self.render(cache, "acme page", for: Self.key(), in: self.acme)
        #expect(self.kept(cache, Self.key(), in: self.acme) == "acme page")
        #expect(self.kept(cache, Self.key(), in: self.globex) == nil, "the same query in another organization")
        #expect(self.kept(cache, Self.key(limit: 5), in: self.acme) == nil)
        #expect(self.kept(cache, Self.key(status: .pending), in: self.acme) == nil)
    }

    @Test func invalidatingAnOrganizationDropsItsPagesAndNoOtherOrganizations() {
        let cache = self.cache()
        self.render(cache, "acme", for: Self.key(), in: self.acme)
        self.render(cache, "acme pending", for: Self.key(status: .pending), in: self.acme)
        self.render(cache, "globex", for: Self.key(), in: self.globex)
        cache.invalidate(self.acme)
        #expect(self.kept(cache, Self.key(), in: self.acme) == nil)
        #expect(self.kept(cache, Self.key(status: .pending), in: self.acme) == nil)
        #expect(self.kept(cache, Self.key(), in: self.globex) == "globex")
        #expect(cache.usage.pages == 1)
    }

    @Test func aPageRenderedAcrossAChangeIsNotKept() {
        let cache = self.cache()
        guard case .miss(let generation) = cache.lookup(Self.key(), in: self.acme) else {
            Issue.record("an empty cache found a page")
            return
        }
        // The page was read before this change committed, and may not show it.
        cache.invalidate(self.acme)
        cache.store(Self.body("stale"), for: Self.key(), in: self.acme, generation: generation)
        #expect(self.kept(cache, Self.key(), in: self.acme) == nil)
    }

    @Test func aPageKeptUnderAStoreVersionIsServedUnderThatVersionOnly() {
        let cache = self.cache()
        guard case .miss(let generation) = cache.lookup(Self.key(), in: self.acme, version: 7) else {
            Issue.record("an empty cache found a page")
            return
        }
        cache.store(Self.body("version 7"), for: Self.key(), in: self.acme, generation: generation, version: 7)
        guard case .hit(let body) = cache.lookup(Self.key(), in: self.acme, version: 7) else {
            Issue.record("the page was not kept")
            return
        }
        #expect(String(buffer: body) == "version 7")
        // Another node changed acme's tasks: the store's version moved on.
        guard case .miss = cache.lookup(Self.key(), in: self.acme, version: 8) else {
            Issue.record("a page rendered under version 7 was served under version 8")
            return
        }
        #expect(self.kept(cache, Self.key(), in: self.acme) == nil, "nor without a version")
    }

    @Test func aPageExpiresAfterTheTTL() {
        let cache = self.cache()
        self.render(cache, "acme", for: Self.key(), in: self.acme)
        self.time.advance(by: 4.9)
        #expect(self.kept(cache, Self.key(), in: self.acme) == "acme")
        self.time.advance(by: 0.2)
        #expect(self.kept(cache, Self.key(), in: self.acme) == nil)
        #expect(cache.usage.pages == 0)
    }

    @Test func theOldestPagesGoFirstWhenTheBytesRunOut() {
        let page = String(repeating: "x", count: 1000)
        // Room for about three pages and their overhead.
        let cache = self.cache(.init(ttl: 60, maximumBytes: 4000))
        for limit in 1...5 { self.render(cache, page, for: Self.key(limit: limit), in: self.acme) }
        #expect(cache.usage.bytes <= 4000)
        #expect(self.kept(cache, Self.key(limit: 1), in: self.acme) == nil)
        #expect(self.kept(cache, Self.key(limit: 2), in: self.acme) == nil)
        #expect(self.kept(cache, Self.key(limit: 5), in: self.acme) == page)
    }

    @Test func oneOrganizationCannotFillTheCache() {
        let cache = self.cache(.init(ttl: 60, maximumPagesPerOrganization: 3))
        self.render(cache, "globex", for: Self.key(), in: self.globex)
        for limit in 1...10 { self.render(cache, "acme \(limit)", for: Self.key(limit: limit), in: self.acme) }
        #expect(cache.usage.pages <= 4)
        #expect(self.kept(cache, Self.key(limit: 10), in: self.acme) == "acme 10")
        #expect(self.kept(cache, Self.key(), in: self.globex) == "globex")
    }

    @Test func aDisabledCacheKeepsNothing() {
        let cache = self.cache(.disabled)
        self.render(cache, "acme", for: Self.key(), in: self.acme)
        #expect(self.kept(cache, Self.key(), in: self.acme) == nil)
        #expect(!cache.isEnabled)
    }
}
