import CoordinaitorDomain
import Synchronization

/// The organizations this store last found without an active webhook.
///
/// Most organizations have none, yet every event of theirs (each task created or updated) would read the webhooks
/// table on a reader to learn that nothing subscribes: a thread hop and a query per write. Only a webhook created
/// through this store gives an organization one, and that creation forgets the organization as it commits; an absence
/// read while such a creation committed is not kept. Entries also expire after ``lifetime``, so a webhook written to the
/// file by another process (not a setup the server supports) would still be seen.
package final class SQLiteWebhookAbsence: Sendable {
    package enum Lookup: Sendable, Equatable {
        /// Known to have no active webhook.
        case absent
        /// Not known; pass `generation` to ``remember(_:generation:)`` if the read finds none.
        case unknown(generation: UInt64)
    }

    private struct State: ~Copyable {
        var expiries: [OrganizationID: ContinuousClock.Instant] = [:]
        var generation: UInt64 = 0
    }

    package static let lifetime = Duration.seconds(5)
    /// Beyond this many organizations, what is known is forgotten at once: memory stays bounded and the reads come back.
    package static let capacity = 100_000

    private let state = Mutex(State())

    package init() {}

    package func lookup(_ organizationID: OrganizationID, now: ContinuousClock.Instant = .now) -> Lookup {
        self.state.withLock { state in
            if let expiry = state.expiries[organizationID] {
                if expiry > now { return .absent }
                state.expiries[organizationID] = nil
            }
            return .unknown(generation: state.generation)
        }
    }

    /// Remembers that a read found no active webhook, unless a webhook was created since `generation`.
    package func remember(_ organizationID: OrganizationID, generation: UInt64, now: ContinuousClock.Instant = .now) {
        self.state.withLock { state in
            guard generation == state.generation else { return }
            if state.expiries.count >= Self.capacity { state.expiries.removeAll(keepingCapacity: true) }
            state.expiries[organizationID] = now + Self.lifetime
        }
    }

    /// Called once a webhook of the organization was created, or may have been: later events read again, and reads in
    /// flight are not kept.
    package func forget(_ organizationID: OrganizationID) {
        self.state.withLock { state in
            state.generation &+= 1
            state.expiries[organizationID] = nil
        }
    }
}
