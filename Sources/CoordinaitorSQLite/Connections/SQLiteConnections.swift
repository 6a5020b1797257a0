import CoordinaitorDomain
import Logging
import SQLiteNIO
import Synchronization

/// One writer connection whose transactions run one at a time, plus reader connections used in turn.
///
/// WAL mode lets the readers see the last committed state while the writer works. A database in memory cannot be
/// shared between connections, so `:memory:` gets no readers and reads queue behind the writer's lock instead.
package final class SQLiteConnections: Sendable {
    package static let inMemoryPath = ":memory:"

    private let writer: SQLiteConnection
    private let writeLock = AsyncFIFOLock()
    private let readers: [SQLiteConnection]
    private let nextReader = Atomic<Int>(0)

    private init(writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.writer = writer
        self.readers = readers
    }

    /// Opens the writer, switches the database to WAL, then opens `readerCount` readers.
    package static func open(path: String, readerCount: Int, logger: Logger) async throws -> SQLiteConnections {
        let storage: SQLiteConnection.Storage = path == Self.inMemoryPath ? .memory : .file(path: path)
        let writer = try await Self.openConnection(storage: storage, logger: logger)
        var readers: [SQLiteConnection] = []
        do {
            if storage != .memory {
                // The journal mode is a property of the file: set once, by the writer, before any reader opens.
                _ = try await writer.query("PRAGMA journal_mode = WAL")
                for _ in 0..<max(readerCount, 1) {
                    readers.append(try await Self.openConnection(storage: storage, logger: logger))
                }
            }
        } catch {
            for connection in [writer] + readers { try? await connection.close() }
            throw error
        }
        return SQLiteConnections(writer: writer, readers: readers)
    }

    private static func openConnection(storage: SQLiteConnection.Storage, logger: Logger) async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: storage, logger: logger)
        do {
            // These settings belong to the connection, not the file, so every connection sets them.
            for pragma in ["PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 5000"] {
                _ = try await connection.query(pragma)
            }
        } catch {
            try? await connection.close()
            throw error
        }
        return connection
    }

    /// Runs a read on the next reader connection. Use it for single statements: consecutive statements may see
    /// different snapshots.
    package func read<Result>(_ body: (SQLiteConnection) async throws -> Result) async throws -> Result {
        if self.readers.isEmpty {
            return try await self.writeLock.withLock { try await body(self.writer) }
        }
        let ticket = self.nextReader.wrappingAdd(1, ordering: .relaxed).oldValue
        let reader = self.readers[Int(ticket.magnitude % UInt(self.readers.count))]
        return try await body(reader)
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT` on the writer, after the transactions queued before it.
    /// Whatever `body` throws rolls the transaction back and is rethrown unchanged.
    /// The transaction runs on ``SQLiteWriterExecutor``, so that it resumes at once after each statement rather than
    /// behind every request waiting to run, while the other writes wait for the lock.
    package func write<Result>(_ body: (SQLiteTransaction) async throws -> Result) async throws -> Result {
        try await withTaskExecutorPreference(SQLiteWriterExecutor.shared) {
            try await self.locked(body)
        }
    }

    private func locked<Result>(_ body: (SQLiteTransaction) async throws -> Result) async throws -> Result {
        try await self.writeLock.withLock {
            // IMMEDIATE takes the write lock up front, so another process cannot make us fail half-way with SQLITE_BUSY.
            _ = try await self.writer.query("BEGIN IMMEDIATE")
            do {
                let result = try await body(SQLiteTransaction(connection: self.writer))
                _ = try await self.writer.query("COMMIT")
                return result
            } catch {
                _ = try? await self.writer.query("ROLLBACK")
                throw error
            }
        }
    }

    /// Closes every connection. No call may follow.
    package func close() async throws {
        try await self.writeLock.withLock {
            for reader in self.readers { try await reader.close() }
            try await self.writer.close()
        }
    }
}
