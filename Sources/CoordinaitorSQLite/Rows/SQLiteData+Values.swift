import CoordinaitorDomain
import Foundation
import SQLiteNIO

/// How model values are written to SQLite: ids as lower-case UUID text, dates as integer milliseconds since 1970,
/// flags as 0 or 1, enums as their raw text and JSON as text.
extension SQLiteData {
    static func id<Kind>(_ id: TypedID<Kind>) -> SQLiteData { .text(id.description) }

    static func id<Kind>(_ id: TypedID<Kind>?) -> SQLiteData { id.map { .id($0) } ?? .null }

    static func text(_ value: String?) -> SQLiteData { value.map { .text($0) } ?? .null }

    static func bool(_ value: Bool) -> SQLiteData { .integer(value ? 1 : 0) }

    static func raw<Value: RawRepresentable<String>>(_ value: Value) -> SQLiteData { .text(value.rawValue) }

    static func date(_ date: Date) -> SQLiteData { .integer(SQLiteInt64(EpochMilliseconds(date).value)) }

    static func date(_ date: Date?) -> SQLiteData { date.map { .date($0) } ?? .null }

    static func json(_ value: some Encodable) throws -> SQLiteData {
        .text(String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
    }

    static func optionalJSON(_ value: (some Encodable)?) throws -> SQLiteData {
        guard let value else { return .null }
        return try .json(value)
    }
}

/// A date as whole milliseconds since 1970, the precision the services layer keeps.
struct EpochMilliseconds: Hashable, Sendable {
    let value: Int64

    init(_ value: Int64) {
        self.value = value
    }

    /// Rounds rather than truncates, so a date that is already whole milliseconds never loses one to binary fractions.
    init(_ date: Date) {
        self.value = Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    var date: Date { Date(timeIntervalSince1970: Double(self.value) / 1000) }
}
