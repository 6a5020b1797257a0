import CoordinaitorDomain
import DequeModule
import Foundation
import Logging
import Synchronization

/// A bounded, time-limited cache of organization lookups, including short-lived "no such organization" answers.
///
/// Entries expire after their TTL; when full, the oldest insertion is evicted first. Invalidation removes every key an
/// organization could have been found under, so a change made on this node is seen by the next request.
package final class TenantCache: Sendable {
    package struct Configuration: Hashable, Sendable {
        /// How long a found organization is trusted. Other nodes see a change after at most this long.
        package var ttl: TimeInterval
        /// How long an unknown key is remembered as unknown; short, so a new organization is found quickly.
        package var negativeTTL: TimeInterval
        package var capacity: Int

        package init(ttl: TimeInterval = 30, negativeTTL: TimeInterval = 5, capacity: Int = 50_000) {
            self.ttl = ttl
            self.negativeTTL = negativeTTL
            self.capacity = max(1, capacity)
        }
    }

    package enum Lookup: Sendable {
        case hit(Organization?)
        /// Not cached; pass `generation` to ``store(_:for:generation:)`` so an answer read before an invalidation is dropped.
        case miss(generation: UInt64)
    }

    private struct Entry {
        var organization: Organization?
        var expires: Date
    }

    private struct State: ~Copyable {
        var entries: [TenantKey: Entry] = [:]
        var insertionOrder: Deque<TenantKey> = []
        /// Bumped by every invalidation.
        var generation: UInt64 = 0
    }

    package let configuration: Configuration
    private let time: any TimeSource
    private let state = Mutex(State())
    /// For the `tenant:cache` debug line of each invalidation; nil logs nothing.
    private let logger: Logger?
    /// Counts hits and misses (the metrics).
    private let observer: (any TenantCacheObserver)?

    package init(
        configuration: Configuration = Configuration(), time: any TimeSource, observer: (any TenantCacheObserver)? = nil, logger: Logger? = nil
    ) {
        self.configuration = configuration
        self.time = time
        self.observer = observer
        self.logger = logger?.scoped(.tenantCache)
    }

    package func lookup(_ key: TenantKey) -> Lookup {
        let now = self.time.now()
        let lookup = self.state.withLock { state -> Lookup in
            guard let entry = state.entries[key] else { return .miss(generation: state.generation) }
            if entry.expires <= now {
                state.entries[key] = nil
                return .miss(generation: state.generation)
            }
            return .hit(entry.organization)
        }
        let isHit: Bool = if case .hit = lookup { true } else { false }
        self.observer?.tenantCacheLookup(hit: isHit)
        return lookup
    }

    /// Remembers the answer for `key`; a found organization is also stored under its other keys.
    /// - Parameter generation: from the miss that led to the lookup; when an invalidation happened since, the answer
    ///   may predate it (a suspension, say) and is not stored.
    package func store(_ organization: Organization?, for key: TenantKey, generation: UInt64? = nil) {
        let now = self.time.now()
        let ttl = organization == nil ? self.configuration.negativeTTL : self.configuration.ttl
        let entry = Entry(organization: organization, expires: now.addingTimeInterval(ttl))
        let keys = organization.map { [key] + $0.lookupKeys.filter { $0 != key } } ?? [key]
        self.state.withLock { state in
            if let generation, generation != state.generation { return }
            for key in keys {
                if state.entries.updateValue(entry, forKey: key) == nil { state.insertionOrder.append(key) }
            }
            self.evictIfNeeded(&state)
        }
    }

    /// Forgets every key of these organizations (pass the old and the new value after a change).
    package func invalidate(_ organizations: Organization...) {
        let keys = Set(organizations.flatMap(\.lookupKeys))
        self.state.withLock { state in
            state.generation &+= 1
            for key in keys { state.entries[key] = nil }
        }
        self.logger?.debug(
            "Tenant cache invalidated",
            metadata: ["organization.id": "\(organizations.first?.id.description ?? "-")", "tenant.cache.keys": "\(keys.count)"]
        )
    }

    package var count: Int { self.state.withLock { $0.entries.count } }

    private func evictIfNeeded(_ state: inout State) {
        // insertionOrder may hold keys already removed by invalidation or expiry; they are skipped here.
        while state.entries.count > self.configuration.capacity, let oldest = state.insertionOrder.popFirst() {
            state.entries[oldest] = nil
        }
        if state.insertionOrder.count > self.configuration.capacity * 2 {
            state.insertionOrder = Deque(state.insertionOrder.filter { state.entries[$0] != nil })
        }
    }
}
