import FoundationEssentials

/// UUIDs to and from their 8-4-4-4-12 text by hand: ids are parsed and printed for every row a list returns, and
/// Foundation's `UUID(uuidString:)` (sscanf underneath) and `uuidString.lowercased()` cost several times as much.
package enum UUIDText {
    /// The UUID spelled by exactly 36 bytes of hex digits (either case) with dashes at 8, 13, 18 and 23, or nil.
    ///
    /// Concrete rather than generic over the text on purpose: called from other modules, a generic version is not
    /// specialized and spent more time looking up type metadata than parsing.
    package static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { Self.parse(bytes: $0) }
    }

    package static func parse(_ text: Substring) -> UUID? {
        var text = text
        return text.withUTF8 { Self.parse(bytes: $0) }
    }

    /// The UUID spelled by `bytes` (UTF-8, as in ``parse(_:)-(String)``), read where they are: a stored id is parsed
    /// straight out of the database's buffer, without a `String` made for it first.
    package static func parse(bytes: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard bytes.count == 36 else { return nil }
        var value: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let isValid = Self.nibbles.withUnsafeBufferPointer { nibbles in
            withUnsafeMutableBytes(of: &value) { output -> Bool in
                var position = 0
                var index = 0
                while index < 36 {
                    if index == 8 || index == 13 || index == 18 || index == 23 {
                        guard bytes[index] == UInt8(ascii: "-") else { return false }
                        index += 1
                        continue
                    }
                    // Pairs never straddle a dash: each group has an even number of digits.
                    let high = nibbles[Int(bytes[index])]
                    let low = nibbles[Int(bytes[index + 1])]
                    guard high | low < 0x10 else { return false }
                    output[position] = high << 4 | low
                    position += 1
                    index += 2
                }
                return true
            }
        }
        return isValid ? UUID(uuid: value) : nil
    }

    /// The lower-case canonical text, the form both stores sort and compare.
    package static func lowercased(_ uuid: UUID) -> String {
        String(unsafeUninitializedCapacity: Self.length) { output in
            Self.spell(uuid, into: output)
            return Self.length
        }
    }

    private static let length = 36

    /// Writes the 36 characters into `output`'s first 36 bytes, looking the digit table up once rather than per
    /// digit and never growing an array byte by byte (each append checked capacity and uniqueness).
    private static func spell(_ uuid: UUID, into output: UnsafeMutableBufferPointer<UInt8>) {
        LowercaseHex.digits.withUnsafeBufferPointer { digits in
            withUnsafeBytes(of: uuid.uuid) { raw in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        output[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    let byte = raw[index]
                    output[position] = digits[Int(byte >> 4)]
                    output[position + 1] = digits[Int(byte & 0x0F)]
                    position += 2
                }
            }
        }
    }

    /// The value of each byte as a hex digit (either case), 0xFF for bytes that are not one: one load per digit in
    /// place of three range checks, for every id of every listed row.
    private static let nibbles: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt8(byte) - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt8(byte) - UInt8(ascii: "A") + 10
        default: 0xFF
        }
    }
}

extension UUIDText {
    /// Appends the lower-case canonical text (no quotes), without building a `String`.
    package static func write(_ uuid: UUID, into bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: Self.length))
        bytes.withUnsafeMutableBufferPointer { buffer in
            Self.spell(uuid, into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
        }
    }
}
