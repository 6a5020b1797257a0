import CoordinaitorDomain
import Foundation
import PostgresNIO

/// Reads typed values out of a row by column name, reporting the table and column of anything unreadable.
///
/// Columns read in the order of the select list are found by walking the row, one name comparison each; only a read
/// out of that order builds PostgresNIO's random-access row (an array of cells for every row, then a hashed lookup
/// and a fresh cell per column), work that a page of tasks repeated for each of its 16 columns.
struct PostgresRowReader {
    private let row: PostgresRow
    private let table: String
    /// The column after the last one read in order.
    private var next: PostgresRow.Index
    private var randomAccess: PostgresRandomAccessRow?

    init(_ row: PostgresRow, table: String) {
        self.row = row
        self.table = table
        self.next = row.startIndex
    }

    private func error(_ column: String, _ reason: String) -> PostgresStoredValueError {
        PostgresStoredValueError(table: self.table, column: column, reason: reason)
    }

    private mutating func cell(_ column: String) throws -> PostgresCell {
        if self.next < self.row.endIndex {
            let cell = self.row[self.next]
            if cell.columnName == column {
                self.next = self.row.index(after: self.next)
                return cell
            }
        }
        let randomAccess = self.randomAccess ?? self.row.makeRandomAccess()
        self.randomAccess = randomAccess
        // PostgresNIO traps on an unknown name; a query that lost a column is an error to report, not a crash.
        guard randomAccess.contains(column) else { throw self.error(column, "not in the query's result") }
        return randomAccess[column]
    }

    mutating func string(_ column: String) throws -> String { try self.cell(column).decode(String.self) }

    mutating func optionalString(_ column: String) throws -> String? { try self.cell(column).decode(String?.self) }

    mutating func int(_ column: String) throws -> Int { try self.cell(column).decode(Int.self) }

    mutating func int64(_ column: String) throws -> Int64 { try self.cell(column).decode(Int64.self) }

    mutating func bool(_ column: String) throws -> Bool { try self.cell(column).decode(Bool.self) }

    mutating func date(_ column: String) throws -> Date { try self.cell(column).decode(MillisecondTimestamp.self).date }

    mutating func optionalDate(_ column: String) throws -> Date? { try self.cell(column).decode(MillisecondTimestamp?.self)?.date }

    mutating func id<Kind>(_ column: String, as _: TypedID<Kind>.Type = TypedID<Kind>.self) throws -> TypedID<Kind> {
        TypedID(try self.cell(column).decode(UUID.self))
    }

    mutating func optionalID<Kind>(_ column: String, as _: TypedID<Kind>.Type = TypedID<Kind>.self) throws -> TypedID<Kind>? {
        try self.cell(column).decode(UUID?.self).map(TypedID.init)
    }

    mutating func value<Value: RawRepresentable<String>>(_ column: String, as _: Value.Type = Value.self) throws -> Value {
        let raw = try self.string(column)
        guard let value = Value(rawValue: raw) else { throw self.error(column, "unknown value '\(raw)'") }
        return value
    }

    /// JSON columns are selected as `column::text`, so the driver hands over the document as text.
    mutating func json<Value: Decodable>(_ column: String, as _: Value.Type = Value.self) throws -> Value {
        try self.decodeJSON(try self.string(column), column: column)
    }

    mutating func optionalJSON<Value: Decodable>(_ column: String, as _: Value.Type = Value.self) throws -> Value? {
        // Explicit, or `Value?` could be inferred and JSON `null` would come back as a missing value.
        try self.optionalString(column).map { try self.decodeJSON($0, column: column, as: Value.self) }
    }

    /// A `jsonb` column as PostgreSQL spells it (`{"a": 1}`): checked, not parsed and rewritten. It is the same JSON
    /// as the compact form (`RawJSON` compares documents, not spellings), and a list page no longer builds and
    /// re-encodes a value tree for every task's input and output.
    mutating func optionalRawJSON(_ column: String) throws -> RawJSON? {
        guard let text = try self.optionalString(column) else { return nil }
        do {
            return try RawJSON(storedText: text)
        } catch {
            throw self.error(column, "invalid JSON: \(error)")
        }
    }

    private func decodeJSON<Value: Decodable>(_ text: String, column: String, as _: Value.Type = Value.self) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw self.error(column, "invalid JSON: \(error)")
        }
    }
}

/// JSON text for a `$n::jsonb` bind.
enum PostgresJSON {
    static func text(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    static func optionalText(_ value: (some Encodable)?) throws -> String? {
        try value.map { try self.text($0) }
    }
}
