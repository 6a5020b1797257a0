import CoordinaitorDomain
import DequeModule
import Foundation
import NIOCore
import Synchronization

/// Rendered pages of organizations' task lists, kept until that organization's tasks change.
///
/// Agents poll their task lists, so the same few pages are asked for over and over between two changes. A page is
/// kept as the response body it was rendered into, under its organization, filter and cursor; the next identical
/// request skips the query, the decoding of its rows and the writing of their JSON.
///
/// Every write made through this node's repositories that can change what an organization's task list shows (a task
/// created, updated or deleted; a project or agent deleted, which unlinks its tasks; the organization purged) drops
/// that organization's pages once it has committed (``tracking(_:)-(TaskRepository)``); a page rendered from a read that
/// raced such a write is not kept. Where other processes write the same database (PostgreSQL, shared by several
/// nodes), the store numbers each organization's changes (``TaskListVersionSource``), and a page is served only under
/// the number it was rendered with: one small read instead of the page's. Otherwise (SQLite, written by this process
/// alone) only a change made behind the server's back goes unseen, for at most `ttl`.
package final class TaskListCache: Sendable {
    package struct Configuration: Hashable, Sendable {
        /// Seconds a page is trusted against changes made elsewhere; 0 turns the cache off.
        package var ttl: TimeInterval
        /// The rendered pages of all organizations together stay under this many bytes.
        package var maximumBytes: Int
        /// One organization's pages beyond this number are dropped, so that one organization asking for many different
        /// pages cannot push the others' out.
        package var maximumPagesPerOrganization: Int

        package init(ttl: TimeInterval = 5, maximumBytes: Int = 16 << 20, maximumPagesPerOrganization: Int = 32) {
            self.ttl = max(0, ttl)
            self.maximumBytes = max(0, maximumBytes)
            self.maximumPagesPerOrganization = max(1, maximumPagesPerOrganization)
        }

        package static let disabled = Configuration(ttl: 0)

        package var isEnabled: Bool { self.ttl > 0 && self.maximumBytes > 0 }
    }

    /// One page of one organization's list, as asked for.
    package struct PageKey: Hashable, Sendable {
        package var filter: TaskFilter
        package var page: PageRequest

        package init(filter: TaskFilter, page: PageRequest) {
            self.filter = filter
            self.page = page
        }
    }

    package enum Lookup: Sendable {
        case hit(ByteBuffer)
        /// Not kept; pass `generation` to ``store(_:for:in:generation:version:)``.
        case miss(generation: UInt64)
    }

    private struct Entry {
        var body: ByteBuffer
        var expires: Date
        /// The store's task-list version the page was rendered under, where the store numbers changes.
        var version: Int64?
    }

    private struct OrganizationKey: Hashable {
        var organizationID: OrganizationID
        var page: PageKey
    }

    private struct State: ~Copyable {
        var pages: [OrganizationID: [PageKey: Entry]] = [:]
        var insertionOrder: Deque<OrganizationKey> = []
        var pageCount = 0
        var bytes = 0
        var generation: UInt64 = 0
    }

    /// What a kept page costs besides its body: its key, entry and slots in the maps (an estimate).
    private static let overheadBytes = 256

    package let configuration: Configuration
    private let time: any TimeSource
    private let state = Mutex(State())

    package init(configuration: Configuration, time: any TimeSource) {
        self.configuration = configuration
        self.time = time
    }

    package var isEnabled: Bool { self.configuration.isEnabled }

    /// The body kept for `key` in `organizationID`'s list, unless it expired or was rendered under another `version`.
    package func lookup(_ key: PageKey, in organizationID: OrganizationID, version: Int64? = nil) -> Lookup {
        let now = self.time.now()
        return self.state.withLock { state -> Lookup in
            guard let entry = state.pages[organizationID]?[key] else { return .miss(generation: state.generation) }
            guard entry.expires > now, entry.version == version else {
                Self.remove(OrganizationKey(organizationID: organizationID, page: key), from: &state)
                return .miss(generation: state.generation)
            }
            return .hit(entry.body)
        }
    }

    /// Keeps `body` for `key`, unless an organization's tasks changed on this node since the miss that led to
    /// rendering it (the page may predate that change).
    /// - Parameter version: the store's task-list version, read before the page (so the page is no older than it).
    package func store(_ body: ByteBuffer, for key: PageKey, in organizationID: OrganizationID, generation: UInt64, version: Int64? = nil) {
        guard self.isEnabled else { return }
        let cost = body.readableBytes + Self.overheadBytes
        guard cost <= self.configuration.maximumBytes else { return }
        let entry = Entry(body: body, expires: self.time.now().addingTimeInterval(self.configuration.ttl), version: version)
        self.state.withLock { state in
            guard generation == state.generation else { return }
            if let kept = state.pages[organizationID], kept[key] == nil, kept.count >= self.configuration.maximumPagesPerOrganization {
                Self.removeAll(of: organizationID, from: &state)
            }
            let organizationKey = OrganizationKey(organizationID: organizationID, page: key)
            Self.remove(organizationKey, from: &state)
            state.pages[organizationID, default: [:]][key] = entry
            state.pageCount += 1
            state.bytes += cost
            state.insertionOrder.append(organizationKey)
            self.evictIfNeeded(&state)
        }
    }

    /// Drops `organizationID`'s pages and makes every render in flight drop its page: called once a change to that
    /// organization's tasks has committed, or may have.
    package func invalidate(_ organizationID: OrganizationID) {
        self.state.withLock { state in
            state.generation &+= 1
            Self.removeAll(of: organizationID, from: &state)
        }
    }

    /// How many pages and bytes are kept now (for tests and the benchmark notes).
    package var usage: (pages: Int, bytes: Int) {
        self.state.withLock { state in (state.pageCount, state.bytes) }
    }

    private func evictIfNeeded(_ state: inout State) {
        // insertionOrder may hold keys already removed by invalidation, expiry or replacement; they are skipped here.
        while state.bytes > self.configuration.maximumBytes, let oldest = state.insertionOrder.popFirst() {
            Self.remove(oldest, from: &state)
        }
        if state.insertionOrder.count > 2 * state.pageCount + 64 {
            state.insertionOrder = Deque(state.insertionOrder.filter { state.pages[$0.organizationID]?[$0.page] != nil })
        }
    }

    private static func remove(_ key: OrganizationKey, from state: inout State) {
        guard let removed = state.pages[key.organizationID]?.removeValue(forKey: key.page) else { return }
        state.pageCount -= 1
        state.bytes -= removed.body.readableBytes + Self.overheadBytes
        if state.pages[key.organizationID]?.isEmpty == true { state.pages[key.organizationID] = nil }
    }

    private static func removeAll(of organizationID: OrganizationID, from state: inout State) {
        guard let removed = state.pages.removeValue(forKey: organizationID) else { return }
        state.pageCount -= removed.count
        state.bytes -= removed.values.reduce(0) { $0 + $1.body.readableBytes + Self.overheadBytes }
    }
}
