/// Lower-case hexadecimal: how digests, MACs, random tokens, UUIDs and JSON `\u` escapes are written.
package enum LowercaseHex {
    /// The sixteen digits as ASCII bytes, indexed by value.
    package static let digits: [UInt8] = Array("0123456789abcdef".utf8)
}

extension Sequence<UInt8> {
    /// The bytes as lower-case hexadecimal, two digits each.
    package var lowercaseHex: String {
        var text: [UInt8] = []
        text.reserveCapacity(self.underestimatedCount * 2)
        for byte in self {
            text.append(LowercaseHex.digits[Int(byte >> 4)])
            text.append(LowercaseHex.digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
