import CoordinaitorDomain
import Synchronization

/// Whether PostgreSQL is down, as ``PostgresHealthMonitor`` last found it, and whether a query asked it to look again.
///
/// Only the monitor's own probe sets or clears the flag: a slow lease or a busy pool never counts as an outage. Queries
/// read the flag before they start and, when the connection they used is lost, ask the monitor to look again now.
final class PostgresHealth: Sendable {
    private struct State {
        var isDown = false
        var lookAgain = false
    }

    private let state = Mutex(State())

    var isDown: Bool { self.state.withLock { $0.isDown } }

    /// Fails at once while the database is down, so a request answers 503 instead of waiting for a connection.
    func admit() throws(StoreUnavailableError) {
        if self.isDown { throw StoreUnavailableError("PostgreSQL is down; waiting for it to come back") }
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

    /// Sets the flag; returns whether it was clear.
    func markDown() -> Bool {
        self.state.withLock { state in
            defer { state.isDown = true }
            return !state.isDown
        }
    }

    /// Clears the flag; returns whether it was set.
    func markUp() -> Bool {
        self.state.withLock { state in
            defer { state.isDown = false }
            return state.isDown
        }
    }
}
