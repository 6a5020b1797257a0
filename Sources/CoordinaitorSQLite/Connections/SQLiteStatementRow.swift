import NIOCore
import SQLiteNIO
import VaporCSQLite

/// A row's values by position, whether copied out of the statement (``SQLiteResultRow``) or read where the statement
/// holds them (``SQLiteStatementRow``): the stored-value readers work on either.
protocol SQLiteRowValues {
    var columnNames: SQLiteColumnNames { get }
    /// The value at `index` as an enum (its text or blob copied).
    func value(at index: Int) -> SQLiteData
    func isNull(at index: Int) -> Bool
    /// The integer at `index`, or nil when the value there is not an integer.
    func integer(at index: Int) -> Int64?
    /// `body` applied to the UTF-8 bytes of the text at `index`, or nil when the value there is not text.
    func withText<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result?
}

extension SQLiteRowValues {
    var count: Int { self.columnNames.count }

    /// The name of the column at `index`, for error messages.
    func columnName(at index: Int) -> String {
        index < self.columnNames.count ? self.columnNames.names[index] : "#\(index)"
    }

    /// The value of the column called `name`, or `nil` when the statement selected no such column.
    func column(_ name: String) -> SQLiteData? {
        self.columnNames.index(of: name).map(self.value(at:))
    }

    /// The text at `index` as a `String`, or nil when the value there is not text.
    func text(at index: Int) -> String? {
        self.withText(at: index) { String(decoding: $0, as: UTF8.self) }
    }
}

extension SQLiteResultRow: SQLiteRowValues {
    func value(at index: Int) -> SQLiteData { self.values[index] }

    func isNull(at index: Int) -> Bool { self.values[index].isNull }

    func integer(at index: Int) -> Int64? {
        guard case .integer(let value) = self.values[index] else { return nil }
        return Int64(value)
    }

    func withText<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        guard case .text(var text) = self.values[index] else { return nil }
        return try text.withUTF8(body)
    }
}

/// The row a statement is on, read in place: valid only until the statement steps again, so it never leaves the
/// `decode` closure of ``SQLiteHandle/query(_:_:decode:)``.
///
/// A list decodes every row of every page: reading ids, enums and numbers where SQLite holds them saves a `String`
/// per text column (and parsing it again) and an array of values per row.
struct SQLiteStatementRow: SQLiteRowValues {
    private let statement: OpaquePointer
    let columnNames: SQLiteColumnNames

    init(statement: OpaquePointer, columnNames: SQLiteColumnNames) {
        self.statement = statement
        self.columnNames = columnNames
    }

    private func type(at index: Int) -> Int32 {
        sqlite_nio_sqlite3_column_type(self.statement, Int32(index))
    }

    func isNull(at index: Int) -> Bool { self.type(at: index) == SQLITE_NULL }

    func integer(at index: Int) -> Int64? {
        guard self.type(at: index) == SQLITE_INTEGER else { return nil }
        return Int64(sqlite_nio_sqlite3_column_int64(self.statement, Int32(index)))
    }

    func withText<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        guard self.type(at: index) == SQLITE_TEXT else { return nil }
        // By length, not up to the first NUL: text may hold NUL characters. The pointer comes first: asking for the
        // length first could make SQLite convert the value afterwards.
        let start = sqlite_nio_sqlite3_column_text(self.statement, Int32(index))
        let count = Int(sqlite_nio_sqlite3_column_bytes(self.statement, Int32(index)))
        return try body(UnsafeBufferPointer(start: start, count: start == nil ? 0 : count))
    }

    func value(at index: Int) -> SQLiteData {
        let column = Int32(index)
        switch self.type(at: index) {
        case SQLITE_INTEGER:
            return .integer(Int(sqlite_nio_sqlite3_column_int64(self.statement, column)))
        case SQLITE_FLOAT:
            return .float(sqlite_nio_sqlite3_column_double(self.statement, column))
        case SQLITE_TEXT:
            return .text(self.text(at: index) ?? "")
        case SQLITE_BLOB:
            let start = sqlite_nio_sqlite3_column_blob(self.statement, column)
            let count = Int(sqlite_nio_sqlite3_column_bytes(self.statement, column))
            return .blob(ByteBuffer(bytes: UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : count)))
        default:
            return .null
        }
    }

    /// The whole row, copied out of the statement.
    func copied() -> SQLiteResultRow {
        SQLiteResultRow(columnNames: self.columnNames, values: (0..<self.columnNames.count).map(self.value(at:)))
    }
}
