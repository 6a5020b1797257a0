import CoordinaitorDomain
import Foundation
import Synchronization

/// Time-ordered ids shaped like UUIDv7 (48-bit millisecond time, then a counter), so "newest first by id" is also
/// "most recently made first" within a test.
package enum TestIDs {
    private static let counter = Atomic<UInt64>(0)

    package static func next<Kind>(_: TypedID<Kind>.Type = TypedID<Kind>.self) -> TypedID<Kind> {
        let milliseconds = UInt64(Date().timeIntervalSince1970 * 1000)
        let sequence = counter.wrappingAdd(1, ordering: .relaxed).newValue
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index))) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: (sequence >> 56) & 0x0F)
        bytes[7] = UInt8(truncatingIfNeeded: sequence >> 48)
        bytes[8] = 0x80 | UInt8(truncatingIfNeeded: (sequence >> 40) & 0x3F)
        for index in 9..<16 { bytes[index] = UInt8(truncatingIfNeeded: sequence >> (8 * (15 - index))) }
        let uuid = UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
        return TypedID(uuid)
    }
}

/// Dates with whole milliseconds, as the services layer produces them, at awkward values that a lossy round-trip
/// through floating-point microseconds would change.
package enum TestDates {
    package static let base = Date(timeIntervalSince1970: 1_764_000_000.123)

    /// `base` plus `milliseconds`, built from an integer count the way the services layer truncates.
    package static func at(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(1_764_000_000_123 + milliseconds) / 1000)
    }
}
