import CoordinaitorDomain
import Synchronization

/// Whether PostgreSQL is down, as ``PostgresHealthMonitor`` last found it, and the calls waiting for a connection lease
/// that must fail when it goes down.
///
/// Only the monitor's own probe sets or clears the flag: a slow lease or a busy pool never counts as an outage. A call
/// is admitted (registered) and checked against the flag under one lock, so ``markDown()`` cannot miss a call that
/// slipped past the check: each admitted call is either refused at once or told about the outage while it waits.
final class PostgresHealth: Sendable {
    /// An admitted call, until it has its lease, has finished, or has been told about an outage.
    struct Ticket: Hashable, Sendable {
        fileprivate let id: UInt64
    }

    /// How an admitted call's wait for a lease ended.
    enum LeaseOutcome: Sendable {
        /// The call has its connection (or finished without one): nothing more to wait for.
        case settled
        /// The database went down while the call waited: it must stop waiting.
        case outage
    }

    private enum Waiter {
        /// Admitted; the caller has not started waiting yet.
        case admitted
        /// The caller waits for the outcome.
        case waiting(CheckedContinuation<LeaseOutcome, Never>)
        /// Decided before the caller started waiting.
        case decided(LeaseOutcome)
    }

    private struct State {
        var isDown = false
        var lookAgain = false
        var nextTicket: UInt64 = 0
        var waiters: [UInt64: Waiter] = [:]
    }

    private let state = Mutex(State())

    var isDown: Bool { self.state.withLock { $0.isDown } }

    /// Fails at once while the database is down, so a request answers 503 instead of waiting for a connection.
    /// Otherwise registers the call: pass the ticket to ``awaitLease(_:)`` exactly once, and settle it with
    /// ``settle(_:)`` when the call has its lease or has finished.
    func admit() throws(StoreUnavailableError) -> Ticket {
        let ticket: Ticket? = self.state.withLock { state in
            guard !state.isDown else { return nil }
            defer { state.nextTicket &+= 1 }
            state.waiters[state.nextTicket] = .admitted
            return Ticket(id: state.nextTicket)
        }
        guard let ticket else { throw StoreUnavailableError("PostgreSQL is down; waiting for it to come back") }
        return ticket
    }

    /// Suspends until the call is settled or the database goes down, whichever comes first.
    ///
    /// Not cancellable by itself, and needs not be: it ends when the call settles, which a cancelled call does once
    /// its lease wait is cancelled.
    func awaitLease(_ ticket: Ticket) async -> LeaseOutcome {
        await withCheckedContinuation { continuation in
            let decided: LeaseOutcome? = self.state.withLock { state in
                switch state.waiters[ticket.id] {
                case .admitted:
                    state.waiters[ticket.id] = .waiting(continuation)
                    return nil
                case .decided(let outcome):
                    state.waiters[ticket.id] = nil
                    return outcome
                case .waiting, nil:
                    // A second wait on one ticket is a programming error; answer rather than suspend forever.
                    assertionFailure("a lease ticket was awaited twice")
                    return .settled
                }
            }
            if let decided { continuation.resume(returning: decided) }
        }
    }

    /// The call has its lease or has finished; the first of this and ``markDown()`` decides, later calls do nothing.
    func settle(_ ticket: Ticket) {
        let waiting: CheckedContinuation<LeaseOutcome, Never>? = self.state.withLock { state in
            switch state.waiters[ticket.id] {
            case .admitted:
                state.waiters[ticket.id] = .decided(.settled)
                return nil
            case .waiting(let continuation):
                state.waiters[ticket.id] = nil
                return continuation
            case .decided, nil:
                return nil
            }
        }
        waiting?.resume(returning: .settled)
    }

    /// A query lost its connection: the monitor probes at its next tick instead of at its next interval.
    func requestProbe() {
        self.state.withLock { $0.lookAgain = true }
    }

    /// Whether a probe was requested since the last call; clears the request.
    func takeProbeRequest() -> Bool {
        self.state.withLock { state in
            defer { state.lookAgain = false }
            return state.lookAgain
        }
    }

    /// Sets the flag and tells every admitted call that still waits for a lease; returns whether the flag was clear.
    func markDown() -> Bool {
        let (wasUp, waiting) = self.state.withLock { state in
            let wasUp = !state.isDown
            state.isDown = true
            var waiting: [CheckedContinuation<LeaseOutcome, Never>] = []
            for (id, waiter) in state.waiters {
                switch waiter {
                case .admitted:
                    state.waiters[id] = .decided(.outage)
                case .waiting(let continuation):
                    state.waiters[id] = nil
                    waiting.append(continuation)
                case .decided:
                    break
                }
            }
            return (wasUp, waiting)
        }
        for continuation in waiting { continuation.resume(returning: .outage) }
        return wasUp
    }

    /// Clears the flag; returns whether it was set.
    func markUp() -> Bool {
        self.state.withLock { state in
            defer { state.isDown = false }
            return state.isDown
        }
    }

    /// How many admitted calls are not yet settled (for tests: none may be left behind).
    var pendingCalls: Int { self.state.withLock { $0.waiters.count } }
}
