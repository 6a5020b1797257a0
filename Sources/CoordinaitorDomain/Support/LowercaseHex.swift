extension Sequence<UInt8> {
    /// The bytes as lower-case hexadecimal, two digits each: how digests, MACs and random tokens are written and stored.
    package var lowercaseHex: String {
        var text: [UInt8] = []
        text.reserveCapacity(self.underestimatedCount * 2)
        for byte in self {
            text.append(JSONText.lowerHex[Int(byte >> 4)])
            text.append(JSONText.lowerHex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
