import Logging
import Synchronization
import VaporCSQLite

/// Group commit for the writer: grouped writes that arrive while one of their commits waits in the writer's queue join
/// it, and all of them run in that one transaction.
///
/// Whenever writes are pending, exactly one commit job is queued on the writer: the write that finds the list empty
/// queues it, and the job takes the pending writes (up to ``maximumWrites``) when it runs.
final class SQLiteWriteGroup: Sendable {
    /// Writes per transaction: bounds how long one commit holds the writer and how much a failure runs again.
    static let maximumWrites = 64

    private let writer: SQLiteWorkerPool
    private let logger: Logger
    private let pending = Mutex<[any GroupedWrite]>([])
    /// Transactions that committed more than one write, and the writes they committed.
    private let sharedCommits = Atomic(0)
    private let writesInSharedCommits = Atomic(0)

    init(writer: SQLiteWorkerPool, logger: Logger) {
        self.writer = writer
        self.logger = logger
    }

    func write<Result: Sendable>(_ body: @escaping @Sendable (SQLiteTransaction) throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            let write = PendingGroupedWrite(body: body, continuation: continuation)
            let isFirst = self.pending.withLock { pending in
                pending.append(write)
                return pending.count == 1
            }
            if isFirst { self.scheduleCommit() }
        }
    }

    /// Grouped writes queued and not yet taken by a commit.
    var waiting: Int { self.pending.withLock { $0.count } }

    /// How many transactions committed more than one write, and how many writes they held.
    var sharedCommitCounts: (commits: Int, writes: Int) {
        (self.sharedCommits.load(ordering: .relaxed), self.writesInSharedCommits.load(ordering: .relaxed))
    }

    private func scheduleCommit() {
        guard !self.writer.submit({ [self] handle in self.commit(on: handle) }) else { return }
        let refused = self.pending.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
        for write in refused { write.fail(SQLiteWorkerPool.shutDownError) }
    }

    /// On the writer's thread.
    private func commit(on handle: SQLiteHandle) {
        let (writes, more) = self.pending.withLock { pending in
            let taken = Array(pending.prefix(Self.maximumWrites))
            pending.removeFirst(taken.count)
            return (taken, !pending.isEmpty)
        }
        if more { self.scheduleCommit() }
        guard writes.count > 1 else {
            writes.first?.runAlone(on: handle, logger: self.logger)
            return
        }
        do {
            try handle.inTransaction(logger: self.logger) { transaction in
                for write in writes { try write.attempt(in: transaction) }
            }
        } catch {
            // Rolled back: every write runs again on its own, for its own outcome.
            for write in writes { write.runAlone(on: handle, logger: self.logger) }
            return
        }
        self.sharedCommits.add(1, ordering: .relaxed)
        self.writesInSharedCommits.add(writes.count, ordering: .relaxed)
        for write in writes { write.succeed() }
    }
}

/// A grouped write waiting for its commit, whatever its result type.
private protocol GroupedWrite: AnyObject, Sendable {
    /// Runs the body in the group's transaction and keeps its result.
    func attempt(in transaction: SQLiteTransaction) throws
    /// The group committed: returns the kept result to the caller.
    func succeed()
    /// Runs the body in a transaction of its own and returns that outcome to the caller.
    func runAlone(on handle: SQLiteHandle, logger: Logger)
    func fail(_ error: any Error)
}

/// Touched by the caller until it is in the pending list (behind its lock), then only by the writer's thread.
private final class PendingGroupedWrite<Result: Sendable>: GroupedWrite, @unchecked Sendable {
    private let body: @Sendable (SQLiteTransaction) throws -> Result
    private let continuation: CheckedContinuation<Result, any Error>
    private var result: Result?

    init(body: @escaping @Sendable (SQLiteTransaction) throws -> Result, continuation: CheckedContinuation<Result, any Error>) {
        self.body = body
        self.continuation = continuation
    }

    func attempt(in transaction: SQLiteTransaction) throws {
        self.result = try self.body(transaction)
    }

    func succeed() {
        guard let result = self.result else {
            return self.fail(SQLiteStatementError(code: SQLITE_MISUSE, message: "a grouped write committed without running", sql: ""))
        }
        self.continuation.resume(returning: result)
    }

    func runAlone(on handle: SQLiteHandle, logger: Logger) {
        self.continuation.resume(with: Swift.Result { try handle.inTransaction(logger: logger, self.body) })
    }

    func fail(_ error: any Error) {
        self.continuation.resume(throwing: error)
    }
}
