import NIOCore
import SQLiteNIO
// The SQLite library that sqlite-nio builds and bundles (its C target): nothing else to install.
import VaporCSQLite

/// One SQLite connection, used by one thread at a time (the worker that owns it), keeping its prepared statements.
///
/// SQLiteNIO re-prepares every statement and hops threads once per statement and once per row. A connection of our
/// own, stepped on the thread that owns it, prepares each distinct statement once and runs a whole transaction in one
/// job. The connection is opened `NOMUTEX`: only its worker thread ever touches it.
final class SQLiteHandle: @unchecked Sendable {
    /// Beyond this many kept statements one is finalized (at random) for each new one: statements come from a fixed
    /// set of templates (times page sizes and filters), so this trims one-off statements such as migrations.
    static let statementCacheCapacity = 256
    /// Bound text longer than this is released after use rather than kept with the statement until its next use.
    static let maximumRetainedTextBytes = 1024
    /// Statements with more binds are multi-row inserts whose SQL varies with the batch size: not worth keeping.
    static let maximumKeptBindCount = 64

    private var database: OpaquePointer?
    private var statements: [String: KeptStatement] = [:]

    private struct KeptStatement {
        let pointer: OpaquePointer
        let columnNames: SQLiteColumnNames
    }

    /// Opens (creating if needed) the database at `path`, or a private in-memory database for `:memory:`.
    init(path: String) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var database: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &database, flags, nil)
        guard status == SQLITE_OK, let database else {
            let message = database.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite_nio_sqlite3_close_v2(database)
            throw SQLiteStatementError(code: status, message: message, sql: "open \(path)")
        }
        self.database = database
    }

    deinit {
        self.close()
    }

    /// Finalizes every kept statement and closes the connection; later calls throw `SQLITE_MISUSE`.
    func close() {
        for statement in self.statements.values { sqlite_nio_sqlite3_finalize(statement.pointer) }
        self.statements.removeAll()
        sqlite_nio_sqlite3_close_v2(self.database)
        self.database = nil
    }

    /// The rowid of the last row an `INSERT` added on this connection (0 before any).
    var lastInsertedRowID: Int64 {
        guard let database = self.database else { return 0 }
        return Int64(sqlite_nio_sqlite3_last_insert_rowid(database))
    }

    /// Runs one statement with `binds` and returns every row it produced.
    @discardableResult
    func query(_ sql: String, _ binds: [SQLiteData] = []) throws -> [SQLiteResultRow] {
        try self.query(sql, binds) { $0.copied() }
    }

    /// Runs one statement with `binds` and returns what `decode` makes of each row, read where the statement holds it.
    func query<Row>(_ sql: String, _ binds: [SQLiteData], decode: (SQLiteStatementRow) throws -> Row) throws -> [Row] {
        guard let database = self.database else {
            throw SQLiteStatementError(code: SQLITE_MISUSE, message: "the connection is closed", sql: sql)
        }
        let keep = binds.count <= Self.maximumKeptBindCount
        let statement = try self.statement(for: sql, keep: keep, on: database)
        defer {
            // Resetting ends the statement's read of the database at once: a kept statement left mid-way would hold
            // its snapshot (and block WAL checkpoints) until its next use. Its bindings are not cleared: every use
            // binds every parameter again, and clearing them marks a statement whose plan looked at a bound value
            // as expired, so SQLite would prepare it again on its next use. Large values (artifact contents, task
            // inputs) are the exception: a copy kept until the next use would hold memory for nothing.
            if keep {
                sqlite_nio_sqlite3_reset(statement.pointer)
                if binds.contains(where: \.isLarge) { sqlite_nio_sqlite3_clear_bindings(statement.pointer) }
            } else {
                sqlite_nio_sqlite3_finalize(statement.pointer)
            }
        }
        try self.bind(binds, to: statement.pointer, sql: sql, on: database)
        let row = SQLiteStatementRow(statement: statement.pointer, columnNames: statement.columnNames)
        var rows: [Row] = []
        while true {
            let status = sqlite_nio_sqlite3_step(statement.pointer)
            switch status {
            case SQLITE_ROW:
                rows.append(try decode(row))
            case SQLITE_DONE:
                return rows
            default:
                throw Self.error(status, database: database, sql: sql)
            }
        }
    }

    /// How many times SQLite has had to prepare the kept statement for `sql` again (nil when none is kept): a kept
    /// statement is only worth keeping if this stays at zero.
    func timesReprepared(_ sql: String) -> Int? {
        self.statements[sql].map { Int(sqlite_nio_sqlite3_stmt_status($0.pointer, SQLITE_STMTSTATUS_REPREPARE, 0)) }
    }

    private func statement(for sql: String, keep: Bool, on database: OpaquePointer) throws -> KeptStatement {
        if keep, let kept = self.statements[sql] { return kept }
        var pointer: OpaquePointer?
        let flags = keep ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let status = sqlite_nio_sqlite3_prepare_v3(database, sql, -1, flags, &pointer, nil)
        guard status == SQLITE_OK, let pointer else {
            sqlite_nio_sqlite3_finalize(pointer)
            // OK without a statement: the text held no statement at all (empty, or only a comment).
            guard status != SQLITE_OK else {
                throw SQLiteStatementError(code: SQLITE_MISUSE, message: "no statement in the SQL text", sql: sql)
            }
            throw Self.error(status, database: database, sql: sql)
        }
        let count = sqlite_nio_sqlite3_column_count(pointer)
        let names = (0..<count).map { index in sqlite_nio_sqlite3_column_name(pointer, index).map { String(cString: $0) } ?? "" }
        let statement = KeptStatement(pointer: pointer, columnNames: SQLiteColumnNames(names))
        if keep {
            if self.statements.count >= Self.statementCacheCapacity, let evicted = self.statements.randomElement() {
                sqlite_nio_sqlite3_finalize(evicted.value.pointer)
                self.statements[evicted.key] = nil
            }
            self.statements[sql] = statement
        }
        return statement
    }

    private func bind(_ binds: [SQLiteData], to statement: OpaquePointer, sql: String, on database: OpaquePointer) throws {
        // Every parameter is bound on every use: a kept statement would otherwise run with its previous values.
        let expected = Int(sqlite_nio_sqlite3_bind_parameter_count(statement))
        guard binds.count == expected else {
            throw SQLiteStatementError(code: SQLITE_RANGE, message: "\(binds.count) values for \(expected) parameters", sql: sql)
        }
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let integer):
                status = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(integer))
            case .float(let double):
                status = sqlite_nio_sqlite3_bind_double(statement, index, double)
            case .text(let text):
                var text = text
                status = text.withUTF8 { bytes in
                    sqlite_nio_sqlite3_bind_text64(
                        statement, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                        UInt64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
                }
            case .blob(let buffer):
                status = buffer.withUnsafeReadableBytes { bytes in
                    sqlite_nio_sqlite3_bind_blob64(statement, index, bytes.baseAddress, UInt64(bytes.count), Self.transient)
                }
            case .null:
                status = sqlite_nio_sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw Self.error(status, database: database, sql: sql) }
        }
    }

    /// The error for `status`, with the connection's extended code and message when they describe it (a misuse
    /// detected before SQLite recorded anything leaves them stale, and then `status` is all there is).
    private static func error(_ status: Int32, database: OpaquePointer, sql: String) -> SQLiteStatementError {
        let extended = sqlite_nio_sqlite3_extended_errcode(database)
        guard extended & 0xFF == status & 0xFF else {
            return SQLiteStatementError(code: status, message: String(cString: sqlite_nio_sqlite3_errstr(status)), sql: sql)
        }
        return SQLiteStatementError(code: extended, message: String(cString: sqlite_nio_sqlite3_errmsg(database)), sql: sql)
    }

    /// Rolls back a transaction left open (a `ROLLBACK` that failed), so that the next `BEGIN` can start; reports
    /// whether there was one.
    func rollBackLeftoverTransaction() -> Bool {
        guard let database = self.database, sqlite_nio_sqlite3_get_autocommit(database) == 0 else { return false }
        _ = try? self.query("ROLLBACK")
        return true
    }

    /// SQLite copies the bound bytes before `bind` returns (`SQLITE_TRANSIENT`), so Swift's buffers may go at once.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

extension SQLiteData {
    fileprivate var isLarge: Bool {
        switch self {
        case .blob: true
        case .text(let text): text.utf8.count > SQLiteHandle.maximumRetainedTextBytes
        default: false
        }
    }
}
