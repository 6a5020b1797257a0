import Foundation
import NIOCore
import PostgresNIO

/// A `timestamptz` that round-trips millisecond `Date`s exactly.
///
/// PostgresNIO's own `Date` coding goes through `Double` microseconds and truncates, which can turn `.123` into
/// `.122999`. This type converts with integers: whole milliseconds in Swift, microseconds since 2000 on the wire.
struct MillisecondTimestamp: Hashable, Sendable, PostgresNonThrowingEncodable, PostgresDecodable {
    /// 2000-01-01T00:00:00Z, PostgreSQL's epoch, in milliseconds since 1970.
    private static let postgresEpochMilliseconds: Int64 = 946_684_800_000

    let millisecondsSince1970: Int64

    /// Rounds rather than truncates, so a date that is already whole milliseconds never loses one to binary fractions.
    init(_ date: Date) {
        self.millisecondsSince1970 = Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// Exactly the given milliseconds, for values that are already whole (such as the time an audit entry signs).
    init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    var date: Date { Date(timeIntervalSince1970: Double(self.millisecondsSince1970) / 1000) }

    static var psqlType: PostgresDataType { .timestamptz }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger((self.millisecondsSince1970 - Self.postgresEpochMilliseconds) * 1000)
    }

    init<JSONDecoder: PostgresJSONDecoder>(
        from byteBuffer: inout ByteBuffer,
        type: PostgresDataType,
        format: PostgresFormat,
        context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .timestamptz || type == .timestamp else { throw PostgresDecodingError.Code.typeMismatch }
        guard format == .binary, byteBuffer.readableBytes == 8, let microseconds = byteBuffer.readInteger(as: Int64.self) else {
            throw PostgresDecodingError.Code.failure
        }
        // Floor division, so sub-millisecond values written by other tools round towards the past on both sides of 2000.
        let (quotient, remainder) = microseconds.quotientAndRemainder(dividingBy: 1000)
        let milliseconds = remainder < 0 ? quotient - 1 : quotient
        self.millisecondsSince1970 = milliseconds + Self.postgresEpochMilliseconds
    }
}
