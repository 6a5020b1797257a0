import CoordinaitorDomain
import Logging

/// One writer connection whose transactions run one at a time, plus reader connections, each on a thread of its own.
///
/// WAL mode lets the readers see the last committed state while the writer works. A database in memory cannot be
/// shared between connections, so `:memory:` gets no readers and reads queue behind the writes on the writer's thread.
package final class SQLiteConnections: Sendable {
    package static let inMemoryPath = ":memory:"

    private let writer: SQLiteWorkerPool
    private let readers: SQLiteWorkerPool?
    private let logger: Logger

    private init(writer: SQLiteWorkerPool, readers: SQLiteWorkerPool?, logger: Logger) {
        self.writer = writer
        self.readers = readers
        self.logger = logger
    }

    /// Opens the writer, switches the database to WAL, then opens `readerCount` readers.
    package static func open(path: String, readerCount: Int, logger: Logger) async throws -> SQLiteConnections {
        // Opening touches the file system and may wait on another process's lock: off the caller's thread.
        let opened = try await Task.detached {
            let writer = try Self.openHandle(path: path)
            var readers: [SQLiteHandle] = []
            if path != Self.inMemoryPath {
                // The journal mode is a property of the file: set once, by the writer, before any reader opens.
                try writer.query("PRAGMA journal_mode = WAL")
                for _ in 0..<max(readerCount, 1) { readers.append(try Self.openHandle(path: path)) }
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

    private static func openHandle(path: String) throws -> SQLiteHandle {
        let handle = try SQLiteHandle(path: path)
        // These settings belong to the connection, not the file, so every connection sets them.
        for pragma in ["PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 5000"] {
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
            try await self.writer.run { handle in
                if handle.rollBackLeftoverTransaction() {
                    logger.error("Rolled back a SQLite transaction left open by a failed ROLLBACK")
                }
                // IMMEDIATE takes the write lock up front, so another process cannot make us fail half-way with SQLITE_BUSY.
                try handle.query("BEGIN IMMEDIATE")
                do {
                    let result = try body(SQLiteTransaction(handle: handle))
                    try handle.query("COMMIT")
                    return result
                } catch {
                    _ = try? handle.query("ROLLBACK")
                    throw error
                }
            }
        }
    }

    /// Lets queued work finish, then closes every connection. Later calls throw.
    package func close() async throws {
        await self.readers?.shutdown()
        await self.writer.shutdown()
    }
}
