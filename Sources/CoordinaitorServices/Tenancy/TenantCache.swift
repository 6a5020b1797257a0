import CoordinaitorDomain
import Foundation
import Logging

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

    /// A hit (an organization, or nil for a key remembered as unknown) or a miss with the generation to store under.
    package typealias Lookup = ExpiringCache<TenantKey, Organization?>.Lookup

    package let configuration: Configuration
    private let time: any TimeSource
    private let entries: ExpiringCache<TenantKey, Organization?>
    /// For the `tenant:cache` debug line of each invalidation; nil logs nothing.
    private let logger: Logger?
    /// Counts hits and misses (the metrics).
    private let observer: (any TenantCacheObserver)?

    package init(
        configuration: Configuration = Configuration(), time: any TimeSource, observer: (any TenantCacheObserver)? = nil, logger: Logger? = nil
    ) {
        self.configuration = configuration
        self.entries = ExpiringCache(capacity: configuration.capacity)
        self.time = time
        self.observer = observer
        self.logger = logger?.scoped(.tenantCache)
    }

    package func lookup(_ key: TenantKey) -> Lookup {
        let lookup = self.entries.lookup(key, now: self.time.now())
        let isHit: Bool = if case .hit = lookup { true } else { false }
        self.observer?.tenantCacheLookup(hit: isHit)
        return lookup
    }

    /// Remembers the answer for `key`; a found organization is also stored under its other keys.
    /// - Parameter generation: from the miss that led to the lookup; when an invalidation happened since, the answer
    ///   may predate it (a suspension, say) and is not stored.
    package func store(_ organization: Organization?, for key: TenantKey, generation: UInt64? = nil) {
        let ttl = organization == nil ? self.configuration.negativeTTL : self.configuration.ttl
        let keys = organization.map { [key] + $0.lookupKeys.filter { $0 != key } } ?? [key]
        self.entries.store(organization, under: keys, expires: self.time.now().addingTimeInterval(ttl), generation: generation)
    }

    /// Forgets every key of these organizations (pass the old and the new value after a change).
    package func invalidate(_ organizations: Organization...) {
        let keys = Set(organizations.flatMap(\.lookupKeys))
        self.entries.invalidate(keys)
        self.logger?.debug(
            "Tenant cache invalidated",
            metadata: ["organization.id": "\(organizations.first?.id.description ?? "-")", "tenant.cache.keys": "\(keys.count)"]
        )
    }

    package var count: Int { self.entries.count }
}
