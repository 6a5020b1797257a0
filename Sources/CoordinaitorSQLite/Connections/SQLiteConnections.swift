import CoordinaitorDomain
import Logging

/// One writer connection whose transactions run one at a time, plus reader connections, each on a thread of its own.
///
/// WAL mode lets the readers see the last committed state while the writer works. A database in memory cannot be
/// shared between connections, so `:memory:` gets no readers and reads queue behind the writes on the writer's thread.
package final class SQLiteConnections: Sendable {
    package static let inMemoryPath = ":memory:"

    private let writer: SQLiteWorkerPool
    private let writeGroup: SQLiteWriteGroup
    private let readers: SQLiteWorkerPool?
    private let logger: Logger

    private init(writer: SQLiteWorkerPool, readers: SQLiteWorkerPool?, logger: Logger) {
        self.writer = writer
        self.writeGroup = SQLiteWriteGroup(writer: writer, logger: logger)
        self.readers = readers
        self.logger = logger
    }

    /// Opens the writer, switches the database to WAL, then opens `readerCount` readers.
    package static func open(path: String, readerCount: Int, logger: Logger) async throws -> SQLiteConnections {
        // Opening touches the file system and may wait on another process's lock: off the caller's thread.
        let opened = try await Task.detached {
            let writer = try Self.openHandle(path: path, cacheKibibytes: Self.writerCacheKibibytes)
            var readers: [SQLiteHandle] = []
            if path != Self.inMemoryPath {
                // The journal mode is a property of the file: set once, by the writer, before any reader opens.
                try writer.query("PRAGMA journal_mode = WAL")
                try writer.query("PRAGMA wal_autocheckpoint = \(Self.checkpointPages)")
                for _ in 0..<max(readerCount, 1) { readers.append(try Self.openHandle(path: path, cacheKibibytes: Self.readerCacheKibibytes)) }
            }
            return (writer, readers)
        }.value
        logger.debug("Opened SQLite connections", metadata: ["path": "\(path)", "readers": "\(opened.1.count)"])
        return SQLiteConnections(
            writer: SQLiteWorkerPool(name: "sqlite-writer", handles: [opened.0]),
            readers: opened.1.isEmpty ? nil : SQLiteWorkerPool(name: "sqlite-reader", handles: opened.1),
            logger: logger
        )
    }

    /// Page cache of the writer. SQLite's default, 2 MiB, is smaller than what every write touches across a few
    /// hundred organizations: each append to the audit log and each task insert lands on an organization's own leaf
    /// in every index led by `organization_id`. With 2 MiB those leaves were evicted and read back on every commit.
    static let writerCacheKibibytes = 32 * 1024
    /// WAL pages after which a commit copies the log back into the database (SQLite's default is 1,000). A checkpoint
    /// copies each page once however often it changed since the last one, and syncs once: the hot pages (counters,
    /// the organizations' index leaves) change on almost every commit, so a longer interval copies them fewer times.
    static let checkpointPages = 8_000
    /// Page cache of each reader: the index leaves and rows of the organizations being listed.
    static let readerCacheKibibytes = 8 * 1024

    private static func openHandle(path: String, cacheKibibytes: Int) throws -> SQLiteHandle {
        let handle = try SQLiteHandle(path: path)
        // These settings belong to the connection, not the file, so every connection sets them.
        // A negative cache_size is in KiB; the cache grows to it only as pages are used.
        let pragmas = [
            "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 5000",
            "PRAGMA cache_size = -\(cacheKibibytes)",
        ]
        for pragma in pragmas {
            try handle.query(pragma)
        }
        return handle
    }

    /// Runs a read on the next free reader. Statements in one `body` may see different snapshots: use it for reads
    /// that need no consistency between statements.
    @discardableResult
    package func read<Result: Sendable>(_ body: @Sendable (SQLiteReader) throws -> Result) async throws -> Result {
        try await withoutActuallyEscaping(body) { body in
            // `body` cannot outlive this call: the call returns only once the job has run.
            try await (self.readers ?? self.writer).run { handle in try body(SQLiteReader(handle: handle)) }
        }
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT` on the writer, after the transactions queued before it.
    /// Whatever `body` throws rolls the transaction back and is rethrown unchanged.
    ///
    /// The whole transaction is one job on the writer's thread: no thread hop between its statements, so the single
    /// writer is held for the statements and `body`'s own work (keep that short: decode, decide, write), never for a
    /// wait in line on another executor.
    @discardableResult
    package func write<Result: Sendable>(_ body: @Sendable (SQLiteTransaction) throws -> Result) async throws -> Result {
        let logger = self.logger
        return try await withoutActuallyEscaping(body) { body in
            try await self.writer.run { handle in try handle.inTransaction(logger: logger, body) }
        }
    }

    /// Runs `body` like ``write(_:)``, but in one transaction with the other grouped writes waiting for the writer at
    /// the same time: one commit (and its share of WAL frames and checkpoints) for all of them. Returns once that
    /// transaction has committed.
    ///
    /// `body` must change nothing outside the database, since it may run twice: when any write of the group throws,
    /// or the commit fails, the group is rolled back and each of its writes runs again in a transaction of its own,
    /// in the same order, and gets that run's outcome. No savepoints: a savepoint per write would make SQLite keep a
    /// statement journal.
    @discardableResult
    package func groupedWrite<Result: Sendable>(_ body: @escaping @Sendable (SQLiteTransaction) throws -> Result) async throws -> Result {
        try await self.writeGroup.write(body)
    }

    /// The group commit's state: grouped writes waiting, and what shared commits there were.
    var writeGroupState: (waiting: Int, sharedCommits: Int, writesInSharedCommits: Int) {
        let counts = self.writeGroup.sharedCommitCounts
        return (self.writeGroup.waiting, counts.commits, counts.writes)
    }

    /// Lets queued work finish, then closes every connection. Later calls throw.
    package func close() async throws {
        await self.readers?.shutdown()
        await self.writer.shutdown()
    }
}
