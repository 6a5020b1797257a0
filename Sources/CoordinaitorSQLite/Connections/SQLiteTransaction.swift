import Logging
import SQLiteNIO

/// The writer connection while it is inside a `BEGIN IMMEDIATE` transaction, on the writer's thread.
///
/// Every statement run through it is part of the same transaction, so a caller can combine an insert with further
/// conditional statements (for example `UPDATE usage SET used = used + 1 WHERE used < ? RETURNING used`) atomically.
/// It is only valid inside the `write` body it was given to.
package struct SQLiteTransaction {
    private let handle: SQLiteHandle

    init(handle: SQLiteHandle) {
        self.handle = handle
    }

    /// Runs one statement with bound values and returns its rows (use `RETURNING` to learn what a write touched).
    @discardableResult
    package func query(_ sql: String, _ binds: [SQLiteData] = []) throws -> [SQLiteResultRow] {
        try self.handle.query(sql, binds)
    }

    /// The rowid of the row the last `INSERT` on this connection added (an `INTEGER PRIMARY KEY` is that rowid).
    /// Cheaper than `RETURNING`, which SQLite runs like a trigger: that makes the insert a multi-step statement,
    /// which keeps a statement journal of every page it touches.
    package var lastInsertedRowID: Int64 { self.handle.lastInsertedRowID }
}

/// A reader connection, on its own thread, for the length of one `read` body.
package struct SQLiteReader {
    private let handle: SQLiteHandle

    init(handle: SQLiteHandle) {
        self.handle = handle
    }

    /// Runs one statement with bound values and returns its rows.
    package func query(_ sql: String, _ binds: [SQLiteData] = []) throws -> [SQLiteResultRow] {
        try self.handle.query(sql, binds)
    }

    /// Runs one statement with bound values and returns what `decode` makes of each row, read in place.
    func query<Row>(_ sql: String, _ binds: [SQLiteData], decode: (SQLiteStatementRow) throws -> Row) throws -> [Row] {
        try self.handle.query(sql, binds, decode: decode)
    }
}

// Both wrap a connection that only its worker thread may touch (opened `NOMUTEX`): neither may leave the job.
@available(*, unavailable)
extension SQLiteTransaction: Sendable {}

@available(*, unavailable)
extension SQLiteReader: Sendable {}

extension SQLiteHandle {
    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; whatever `body` throws rolls the transaction back and is rethrown.
    func inTransaction<Result>(logger: Logger, _ body: (SQLiteTransaction) throws -> Result) throws -> Result {
        if self.rollBackLeftoverTransaction() {
            logger.error("Rolled back a SQLite transaction left open by a failed ROLLBACK")
        }
        // IMMEDIATE takes the write lock up front, so another process cannot make us fail half-way with SQLITE_BUSY.
        try self.query("BEGIN IMMEDIATE")
        do {
            let result = try body(SQLiteTransaction(handle: self))
            try self.query("COMMIT")
            return result
        } catch {
            _ = try? self.query("ROLLBACK")
            throw error
        }
    }
}
