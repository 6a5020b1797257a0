import Foundation

/// The JSON encoder and decoder of the API, shared: configuring one per request would cost on every call.
package enum JSONCoding {
    package static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    package static let decoder = JSONDecoder()
}

/// Timestamps in responses: ISO 8601 in UTC with milliseconds, such as `2026-11-27T12:00:00.123Z`.
///
/// Written by hand: a list page formats four per row, and `Date.ISO8601FormatStyle` costs microseconds each. Dates
/// here carry whole milliseconds (``TimeSource`` and both stores keep that precision), so the nearest millisecond is
/// printed; Foundation's style truncated the binary fraction and printed `.122` for about half the dates stored as
/// `.123`.
package enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    package static func format(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        self.write(date, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    package static func format(_ date: Date?) -> String? {
        date.map(self.format)
    }

    /// Appends the timestamp's characters (no quotes).
    package static func write(_ date: Date, into bytes: inout [UInt8]) {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        // Four-digit years only; anything else (never stored by this server) goes through Foundation.
        guard milliseconds >= -62_135_596_800_000, milliseconds < 253_402_300_800_000 else {
            bytes.append(contentsOf: date.formatted(self.style).utf8)
            return
        }
        let total = Int64(milliseconds)
        let (days, millisecondOfDay) = Self.floorDivide(total, 86_400_000)
        let (year, month, day) = Self.civil(fromDays: days)
        let secondOfDay = millisecondOfDay / 1000
        // `yyyy-MM-ddTHH:mm:ss.SSSZ` written into a span reserved at once, not appended byte by byte (each append
        // checks the array's capacity and uniqueness): four of these per listed task.
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: Self.length))
        bytes.withUnsafeMutableBufferPointer { buffer in
            let output = UnsafeMutableBufferPointer(rebasing: buffer[start...])
            Self.digits(year, count: 4, at: 0, in: output)
            output[4] = UInt8(ascii: "-")
            Self.digits(month, count: 2, at: 5, in: output)
            output[7] = UInt8(ascii: "-")
            Self.digits(day, count: 2, at: 8, in: output)
            output[10] = UInt8(ascii: "T")
            Self.digits(secondOfDay / 3600, count: 2, at: 11, in: output)
            output[13] = UInt8(ascii: ":")
            Self.digits(secondOfDay / 60 % 60, count: 2, at: 14, in: output)
            output[16] = UInt8(ascii: ":")
            Self.digits(secondOfDay % 60, count: 2, at: 17, in: output)
            output[19] = UInt8(ascii: ".")
            Self.digits(millisecondOfDay % 1000, count: 3, at: 20, in: output)
            output[23] = UInt8(ascii: "Z")
        }
    }

    /// Characters in `yyyy-MM-ddTHH:mm:ss.SSSZ`.
    private static let length = 24

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    /// Year, month and day of the proleptic Gregorian calendar for days since 1970-01-01 (H. Hinnant's
    /// `civil_from_days`).
    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Writes `value`'s last `count` decimal digits, zero-padded, at `offset`.
    private static func digits(_ value: Int64, count: Int, at offset: Int, in output: UnsafeMutableBufferPointer<UInt8>) {
        var rest = value
        var index = offset + count - 1
        while index >= offset {
            output[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            index -= 1
        }
    }
}
