import CoordinaitorDomain
import Foundation

/// Makes new resource ids.
package protocol IdentifierSource: Sendable {
    func make<Kind: IdentifierKind>(_ kind: Kind.Type, at time: Date) -> TypedID<Kind>
}

/// UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids sort by creation time, which is
/// what "newest first" lists and their cursors rely on, and B-tree inserts stay at the right edge of the index.
package struct UUIDv7Source: IdentifierSource {
    package init() {}

    package func make<Kind: IdentifierKind>(_ kind: Kind.Type, at time: Date) -> TypedID<Kind> {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, time.timeIntervalSince1970 * 1000))
        let randomA = generator.next() as UInt64
        let randomB = generator.next() as UInt64
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * UInt64(index))) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: randomA & 0x0F)
        bytes[7] = UInt8(truncatingIfNeeded: randomA >> 8)
        bytes[8] = 0x80 | UInt8(truncatingIfNeeded: randomB & 0x3F)
        for index in 9..<16 { bytes[index] = UInt8(truncatingIfNeeded: randomB >> (8 * UInt64(index - 8))) }
        let uuid = UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            )
        )
        return TypedID(uuid)
    }
}
