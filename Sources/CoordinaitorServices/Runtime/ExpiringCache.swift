import DequeModule
import Foundation
import Synchronization

/// A bounded in-process map whose entries expire: the building block of the tenant and identity caches.
///
/// When full, the oldest insertion is evicted first. Every invalidation bumps a generation; a value read from the
/// database after a miss is stored only if no invalidation happened since that miss, so a lookup that raced a change
/// never puts the old value back.
package final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    package enum Lookup: Sendable {
        case hit(Value)
        /// Not cached; pass `generation` to ``store(_:under:expires:generation:)``.
        case miss(generation: UInt64)
    }

    private struct Entry {
        var value: Value
        var expires: Date
    }

    private struct State: ~Copyable {
        var entries: [Key: Entry] = [:]
        var insertionOrder: Deque<Key> = []
        var generation: UInt64 = 0
    }

    package let capacity: Int
    private let state = Mutex(State())

    package init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    package func lookup(_ key: Key, now: Date) -> Lookup {
        self.state.withLock { state -> Lookup in
            guard let entry = state.entries[key] else { return .miss(generation: state.generation) }
            if entry.expires <= now {
                state.entries[key] = nil
                return .miss(generation: state.generation)
            }
            return .hit(entry.value)
        }
    }

    /// Remembers `value` under every key in `keys` until `expires`.
    /// - Parameter generation: from the miss that led to reading `value`; when an invalidation happened since, the
    ///   value may predate it and is not stored. Nil stores unconditionally.
    package func store(_ value: Value, under keys: [Key], expires: Date, generation: UInt64? = nil) {
        let entry = Entry(value: value, expires: expires)
        self.state.withLock { state in
            if let generation, generation != state.generation { return }
            for key in keys where state.entries.updateValue(entry, forKey: key) == nil {
                state.insertionOrder.append(key)
            }
            self.evictIfNeeded(&state)
        }
    }

    /// Forgets `keys` and makes every lookup in flight drop what it read.
    package func invalidate(_ keys: some Sequence<Key>) {
        self.state.withLock { state in
            state.generation &+= 1
            for key in keys { state.entries[key] = nil }
        }
    }

    package var count: Int { self.state.withLock { $0.entries.count } }

    private func evictIfNeeded(_ state: inout State) {
        // insertionOrder may hold keys already removed by invalidation or expiry; they are skipped here.
        while state.entries.count > self.capacity, let oldest = state.insertionOrder.popFirst() {
            state.entries[oldest] = nil
        }
        if state.insertionOrder.count > self.capacity * 2 {
            state.insertionOrder = Deque(state.insertionOrder.filter { state.entries[$0] != nil })
        }
    }
}
