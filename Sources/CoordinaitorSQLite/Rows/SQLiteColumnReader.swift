import CoordinaitorDomain
import Foundation
import SQLiteNIO

/// Reads typed values out of a row by column position, for rows selected with a table's full column list.
///
/// ``SQLiteRowReader`` looks each column up by name instead, which is fine for single rows but measurable on every row
/// of every list page.
struct SQLiteColumnReader<Row: SQLiteRowValues> {
    private let row: Row
    private let table: String

    init(_ row: Row, table: SQLiteTable) throws {
        self.row = row
        self.table = table.name
        // The select list is built from the same column list, so positions match; a different count means a query
        // that did not select the table's columns.
        guard row.count >= table.columns.count else {
            throw SQLiteStoredValueError(table: table.name, column: "*", reason: "expected \(table.columns.count) columns")
        }
    }

    private func error(_ index: Int, _ reason: String) -> SQLiteStoredValueError {
        SQLiteStoredValueError(table: self.table, column: self.row.columnName(at: index), reason: reason)
    }

    func string(_ index: Int) throws -> String {
        guard let value = self.row.text(at: index) else { throw self.error(index, "expected text") }
        return value
    }

    func optionalString(_ index: Int) throws -> String? {
        if self.row.isNull(at: index) { return nil }
        return try self.string(index)
    }

    func date(_ index: Int) throws -> Date {
        guard let value = self.row.integer(at: index) else { throw self.error(index, "expected milliseconds") }
        return EpochMilliseconds(value).date
    }

    func optionalDate(_ index: Int) throws -> Date? {
        if self.row.isNull(at: index) { return nil }
        return try self.date(index)
    }

    /// Parsed from the stored text where it lies, without a `String` for it.
    func id<Kind>(_ index: Int, as _: TypedID<Kind>.Type = TypedID<Kind>.self) throws -> TypedID<Kind> {
        guard let uuid = self.row.withText(at: index, UUIDText.parse(bytes:)) ?? nil else { throw self.error(index, "expected a UUID") }
        return TypedID(uuid)
    }

    func optionalID<Kind>(_ index: Int, as _: TypedID<Kind>.Type = TypedID<Kind>.self) throws -> TypedID<Kind>? {
        if self.row.isNull(at: index) { return nil }
        return try self.id(index)
    }

    func value<Value: RawRepresentable<String>>(_ index: Int, as _: Value.Type = Value.self) throws -> Value {
        let raw = try self.string(index)
        guard let value = Value(rawValue: raw) else { throw self.error(index, "unknown value '\(raw)'") }
        return value
    }

    /// JSON text as stored (checked, not decoded): the `CHECK (json_valid(…))` of the column keeps it well-formed.
    func optionalJSON(_ index: Int) throws -> RawJSON? {
        guard let text = try self.optionalString(index) else { return nil }
        do {
            return try RawJSON(storedText: text)
        } catch {
            throw self.error(index, "invalid JSON: \(error)")
        }
    }
}
