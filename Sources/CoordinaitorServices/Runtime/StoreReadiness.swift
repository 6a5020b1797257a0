import Synchronization

/// Whether the store's migrations have run: background workers that query from their first moment (the webhook
/// dispatcher) wait for it, since the services start alongside the server's own start-up that migrates.
package final class StoreReadiness: Sendable {
    private let ready = Atomic<Bool>(false)
    private let signal = WakeSignal()

    package init(isReady: Bool = false) {
        self.ready.store(isReady, ordering: .sequentiallyConsistent)
    }

    package var isReady: Bool { self.ready.load(ordering: .sequentiallyConsistent) }

    package func markReady() {
        self.ready.store(true, ordering: .sequentiallyConsistent)
        self.signal.signal()
    }

    /// Returns once the store is ready, or when `shouldGiveUp` says so (checked at least every 200 ms).
    package func wait(unless shouldGiveUp: () -> Bool) async {
        while !self.isReady, !shouldGiveUp() {
            await self.signal.wait(upTo: .milliseconds(200))
        }
    }
}
