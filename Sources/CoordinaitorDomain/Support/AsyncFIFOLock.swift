import Synchronization

/// A mutual-exclusion lock for async code that hands the lock to waiters in arrival order.
///
/// An actor cannot serve here: it is reentrant across `await`, so two transactions could interleave on one connection.
/// Waiting is not cancellable; the sections it guards are short database transactions. It lives in the domain module
/// (it does no I/O) so both the SQLite store and the services' batch writers can use it.
package final class AsyncFIFOLock: Sendable {
    private struct State {
        var isLocked = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    package init() {}

    /// Runs `body` while holding the lock, releasing it however `body` ends.
    package func withLock<Result>(_ body: () async throws -> Result) async rethrows -> Result {
        await self.lock()
        defer { self.unlock() }
        return try await body()
    }

    private func lock() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = self.state.withLock { state in
                if state.isLocked {
                    state.waiters.append(continuation)
                    return false
                }
                state.isLocked = true
                return true
            }
            if acquired { continuation.resume() }
        }
    }

    private func unlock() {
        // Ownership passes straight to the first waiter, so a newcomer can never overtake it.
        let next = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.isLocked = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
