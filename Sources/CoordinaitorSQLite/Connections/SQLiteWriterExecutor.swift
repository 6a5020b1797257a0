import Dispatch
import Foundation
import Synchronization

/// The executor that runs write transactions: one thread of its own, shared by every store in the process.
///
/// A write holds the writer lock across several statements, and after each statement the transaction's task resumes
/// on an executor. On the global executor it waits in line behind every request that is ready to run (dozens under
/// load), while every other write waits for the lock: writes convoyed and task creation topped out far below the
/// hardware. On this thread, which runs nothing else, the transaction resumes as soon as its statement is done.
/// The work it runs is short (statements themselves run on NIO's thread pool), so one thread serves every store.
final class SQLiteWriterExecutor: TaskExecutor, Sendable {
    /// Process-wide, like NIO's singletons: started on first use and never stopped.
    static let shared = SQLiteWriterExecutor(name: "sqlite-writer")

    private let jobs = Mutex<[UnownedJob]>([])
    /// Counts queued jobs: one signal per `enqueue`, one wait per job run. (The queue stays short: a few writes.)
    private let available = DispatchSemaphore(value: 0)

    private init(name: String) {
        let thread = Thread { [self] in self.run() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        self.jobs.withLock { $0.append(job) }
        self.available.signal()
    }

    private func run() {
        while true {
            self.available.wait()
            guard let job = self.jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
