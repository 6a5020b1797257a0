import VaporCSQLite

/// A statement SQLite refused or failed, with its extended result code and message.
package struct SQLiteStatementError: Error, CustomStringConvertible {
    /// SQLite's extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY_SNAPSHOT`, …).
    package let code: Int32
    package let message: String
    /// The statement that failed, for logs; bound values are not kept.
    package let sql: String

    /// The primary result code: the low byte of the extended code.
    package var primaryCode: Int32 { self.code & 0xFF }

    package var isConstraintViolation: Bool { self.primaryCode == SQLITE_CONSTRAINT }

    package var description: String { "SQLite error \(self.code): \(self.message)" }
}
