import CoordinaitorDomain
import Foundation
import PostgresNIO

/// Reads typed values out of a row by column name, reporting the table and column of anything unreadable.
struct PostgresRowReader {
    private let row: PostgresRandomAccessRow
    private let table: String

    init(_ row: PostgresRow, table: String) {
        self.row = row.makeRandomAccess()
        self.table = table
    }

    private func error(_ column: String, _ reason: String) -> PostgresStoredValueError {
        PostgresStoredValueError(table: self.table, column: column, reason: reason)
    }

    func string(_ column: String) throws -> String { try self.row[column].decode(String.self) }

    func optionalString(_ column: String) throws -> String? { try self.row[column].decode(String?.self) }

    func int(_ column: String) throws -> Int { try self.row[column].decode(Int.self) }

    func int64(_ column: String) throws -> Int64 { try self.row[column].decode(Int64.self) }

    func bool(_ column: String) throws -> Bool { try self.row[column].decode(Bool.self) }

    func date(_ column: String) throws -> Date { try self.row[column].decode(MillisecondTimestamp.self).date }

    func optionalDate(_ column: String) throws -> Date? { try self.row[column].decode(MillisecondTimestamp?.self)?.date }

    func id<Kind>(_ column: String, as _: TypedID<Kind>.Type = TypedID<Kind>.self) throws -> TypedID<Kind> {
        TypedID(try self.row[column].decode(UUID.self))
    }

    func optionalID<Kind>(_ column: String, as _: TypedID<Kind>.Type = TypedID<Kind>.self) throws -> TypedID<Kind>? {
        try self.row[column].decode(UUID?.self).map(TypedID.init)
    }

    func value<Value: RawRepresentable<String>>(_ column: String, as _: Value.Type = Value.self) throws -> Value {
        let raw = try self.string(column)
        guard let value = Value(rawValue: raw) else { throw self.error(column, "unknown value '\(raw)'") }
        return value
    }

    /// JSON columns are selected as `column::text`, so the driver hands over the document as text.
    func json<Value: Decodable>(_ column: String, as _: Value.Type = Value.self) throws -> Value {
        try self.decodeJSON(try self.string(column), column: column)
    }

    func optionalJSON<Value: Decodable>(_ column: String, as _: Value.Type = Value.self) throws -> Value? {
        // Explicit, or `Value?` could be inferred and JSON `null` would come back as a missing value.
        try self.optionalString(column).map { try self.decodeJSON($0, column: column, as: Value.self) }
    }

    /// A `jsonb` column as PostgreSQL spells it (`{"a": 1}`): checked, not parsed and rewritten. It is the same JSON
    /// as the compact form (`RawJSON` compares documents, not spellings), and a list page no longer builds and
    /// re-encodes a value tree for every task's input and output.
    func optionalRawJSON(_ column: String) throws -> RawJSON? {
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
