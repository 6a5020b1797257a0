import CoordinaitorDomain
import Foundation
import SQLiteNIO

/// Reads typed values out of a row, reporting the table and column of anything unreadable.
struct SQLiteRowReader<Row: SQLiteRowValues> {
    let row: Row
    let table: String

    init(_ row: Row, table: String) {
        self.row = row
        self.table = table
    }

    private func index(_ column: String) throws -> Int {
        guard let index = self.row.columnNames.index(of: column) else { throw self.error(column, "missing column") }
        return index
    }

    private func data(_ column: String) throws -> SQLiteData {
        self.row.value(at: try self.index(column))
    }

    private func error(_ column: String, _ reason: String) -> SQLiteStoredValueError {
        SQLiteStoredValueError(table: self.table, column: column, reason: reason)
    }

    func string(_ column: String) throws -> String {
        guard case .text(let value) = try self.data(column) else { throw self.error(column, "expected text") }
        return value
    }

    func optionalString(_ column: String) throws -> String? {
        if try self.data(column).isNull { return nil }
        return try self.string(column)
    }

    func int(_ column: String) throws -> Int {
        guard case .integer(let value) = try self.data(column) else { throw self.error(column, "expected an integer") }
        return Int(value)
    }

    /// SQLite has no boolean type: flags are stored as the integers 0 and 1.
    func bool(_ column: String) throws -> Bool {
        guard case .integer(let value) = try self.data(column), value == 0 || value == 1 else { throw self.error(column, "expected 0 or 1") }
        return value == 1
    }

    func date(_ column: String) throws -> Date {
        guard case .integer(let value) = try self.data(column) else { throw self.error(column, "expected milliseconds") }
        return EpochMilliseconds(Int64(value)).date
    }

    func optionalDate(_ column: String) throws -> Date? {
        if try self.data(column).isNull { return nil }
        return try self.date(column)
    }

    func id<Kind>(_ column: String, as _: TypedID<Kind>.Type = TypedID<Kind>.self) throws -> TypedID<Kind> {
        guard let uuid = self.row.withText(at: try self.index(column), UUIDText.parse(bytes:)) ?? nil else {
            throw self.error(column, "expected a UUID")
        }
        return TypedID(uuid)
    }

    func optionalID<Kind>(_ column: String, as _: TypedID<Kind>.Type = TypedID<Kind>.self) throws -> TypedID<Kind>? {
        if try self.data(column).isNull { return nil }
        return try self.id(column)
    }

    func value<Value: RawRepresentable<String>>(_ column: String, as _: Value.Type = Value.self) throws -> Value {
        let raw = try self.string(column)
        guard let value = Value(rawValue: raw) else { throw self.error(column, "unknown value '\(raw)'") }
        return value
    }

    func json<Value: Decodable>(_ column: String, as _: Value.Type = Value.self) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(try self.string(column).utf8))
        } catch let error as SQLiteStoredValueError {
            throw error
        } catch {
            throw self.error(column, "invalid JSON: \(error)")
        }
    }

    func optionalJSON<Value: Decodable>(_ column: String, as _: Value.Type = Value.self) throws -> Value? {
        if try self.data(column).isNull { return nil }
        // Explicit, or `Value?` would be inferred and JSON `null` would come back as a missing value.
        return try self.json(column, as: Value.self)
    }
}
