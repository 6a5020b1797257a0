import CoordinaitorDomain
import Synchronization
import Testing

@Suite("AsyncFIFOLock")
struct AsyncFIFOLockTests {
    /// Shared test state: `Mutex` is not copyable, so tasks share it through a class.
    final class Recorder: Sendable {
        private struct State {
            var inside = 0
            var maximumInside = 0
            var order: [Int] = []
        }

        private let state = Mutex(State())

        func enter() { self.state.withLock { $0.inside += 1; $0.maximumInside = max($0.maximumInside, $0.inside) } }
        func leave() { self.state.withLock { $0.inside -= 1 } }
        func record(_ index: Int) { self.state.withLock { $0.order.append(index) } }
        var maximumInside: Int { self.state.withLock { $0.maximumInside } }
        var order: [Int] { self.state.withLock { $0.order } }
    }

    @Test func sectionsNeverOverlapEvenAcrossSuspensions() async {
        let lock = AsyncFIFOLock()
        let recorder = Recorder()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    await lock.withLock {
                        recorder.enter()
                        await Task.yield()
                        recorder.leave()
                    }
                }
            }
        }
        #expect(recorder.maximumInside == 1)
    }

    @Test func waitersAreServedInArrivalOrder() async {
        let lock = AsyncFIFOLock()
        let recorder = Recorder()
        let (holding, holdingContinuation) = AsyncStream<Void>.makeStream()
        let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await lock.withLock {
                    holdingContinuation.yield()
                    for await _ in release { break }
                }
            }
            for await _ in holding { break }
            // Queue the waiters one by one while the lock is held.
            for index in 0..<5 {
                group.addTask { await lock.withLock { recorder.record(index) } }
                try? await Task.sleep(for: .milliseconds(20))
            }
            releaseContinuation.yield()
        }
        #expect(recorder.order == [0, 1, 2, 3, 4])
    }
}
