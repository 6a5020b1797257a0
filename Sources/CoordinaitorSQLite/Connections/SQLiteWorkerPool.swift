import DequeModule
import Dispatch
import Foundation
import Synchronization
import VaporCSQLite

/// Threads of their own, each owning one SQLite connection, taking jobs from one queue in order.
///
/// SQLite calls block, so they run here rather than on Swift's cooperative pool or NIO's event loops. A job runs to
/// completion on one thread with that thread's connection; the caller awaits it without holding a thread.
final class SQLiteWorkerPool: Sendable {
    typealias Job = @Sendable (SQLiteHandle) -> Void

    private struct Queue {
        var jobs: Deque<Job> = []
        var isShutDown = false
        /// Threads that have closed their connection and ended.
        var finishedThreads = 0
        /// Callers of ``shutdown()`` waiting for the last thread to end.
        var shutdownWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let queue = Mutex(Queue())
    /// One signal per queued job, plus one per thread at shutdown.
    private let available = DispatchSemaphore(value: 0)
    private let threadCount: Int

    /// Starts one thread per handle; each thread owns its handle from then on and closes it at shutdown.
    init(name: String, handles: [SQLiteHandle]) {
        self.threadCount = handles.count
        for (index, handle) in handles.enumerated() {
            let thread = Thread { [self] in self.work(with: handle) }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
    }

    /// Runs `body` on the next free thread with its connection and returns what it returned or threw.
    func run<Result: Sendable>(_ body: @escaping @Sendable (SQLiteHandle) throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            let call = PendingCall(body: body, continuation: continuation)
            if !self.submit({ handle in call.run(on: handle) }) {
                call.refuse()
            }
        }
    }

    /// Queues `job` for the next free thread without waiting for it; false (and the job dropped) once shut down.
    func submit(_ job: @escaping Job) -> Bool {
        let accepted = self.queue.withLock { queue in
            guard !queue.isShutDown else { return false }
            queue.jobs.append(job)
            return true
        }
        if accepted { self.available.signal() }
        return accepted
    }

    /// The error a call gets once the pool is shut down.
    static var shutDownError: SQLiteStatementError {
        SQLiteStatementError(code: SQLITE_MISUSE, message: "the store is shut down", sql: "")
    }

    /// Lets the queued jobs finish, then ends every thread and closes its connection; returns once all are closed,
    /// for every caller. Later calls to ``run(_:)`` throw.
    func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (first, done) = self.queue.withLock { queue in
                defer { queue.isShutDown = true }
                let done = queue.finishedThreads == self.threadCount
                if !done { queue.shutdownWaiters.append(continuation) }
                return (!queue.isShutDown, done)
            }
            if first {
                for _ in 0..<self.threadCount { self.available.signal() }
            }
            if done { continuation.resume() }
        }
    }

    private func work(with handle: SQLiteHandle) {
        while true {
            self.available.wait()
            let next: Job?? = self.queue.withLock { queue in
                if let job = queue.jobs.popFirst() { return .some(job) }
                return queue.isShutDown ? .some(nil) : nil
            }
            switch next {
            case .some(.some(let job)):
                job(handle)
            case .some(.none):
                handle.close()
                let waiters = self.queue.withLock { queue in
                    queue.finishedThreads += 1
                    guard queue.finishedThreads == self.threadCount else { return [CheckedContinuation<Void, Never>]() }
                    defer { queue.shutdownWaiters.removeAll() }
                    return queue.shutdownWaiters
                }
                for waiter in waiters { waiter.resume() }
                return
            case .none:
                continue
            }
        }
    }
}

/// One call waiting for its turn: the body to run, then the continuation to resume.
///
/// The body is released before the caller resumes, so that a body the caller lent with `withoutActuallyEscaping`
/// is never still referenced when the caller's frame ends. Only one thread touches it at a time: the caller until
/// it is queued (behind the queue's lock), then the worker that takes it.
private final class PendingCall<Result: Sendable>: @unchecked Sendable {
    private var body: (@Sendable (SQLiteHandle) throws -> Result)?
    private let continuation: CheckedContinuation<Result, any Error>

    init(body: @escaping @Sendable (SQLiteHandle) throws -> Result, continuation: CheckedContinuation<Result, any Error>) {
        self.body = body
        self.continuation = continuation
    }

    func run(on handle: SQLiteHandle) {
        self.continuation.resume(with: self.takeBodyAndRun(on: handle))
    }

    func refuse() {
        self.body = nil
        self.continuation.resume(throwing: SQLiteWorkerPool.shutDownError)
    }

    private func takeBodyAndRun(on handle: SQLiteHandle) -> Swift.Result<Result, any Error> {
        guard let body = self.body else {
            return .failure(SQLiteStatementError(code: SQLITE_MISUSE, message: "a call ran twice", sql: ""))
        }
        self.body = nil
        return Swift.Result { try body(handle) }
    }
}
