extension String {
    /// Every UUID written in the text, lower-cased, found in one pass over its bytes: the isolation suites look for
    /// another organization's ids in thousands of bodies, the OpenAPI document among them, in an unoptimized build.
    var uuids: Set<String> {
        var text = self
        // Native strings are contiguous already; this makes the storage below certain to exist.
        text.makeContiguousUTF8()
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            var found: Set<String> = []
            // A UUID's first dash sits 8 bytes in; only dashes start a closer look.
            var dash = 8
            while dash + 28 <= bytes.count {
                let start = dash - 8
                if bytes[dash] == UInt8(ascii: "-"), Self.isUUID(bytes, at: start) {
                    found.insert(String(decoding: bytes[start..<start + 36], as: UTF8.self).lowercased())
                    dash += 36
                } else {
                    dash += 1
                }
            }
            return found
        }
        return found ?? []
    }

    private static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        for offset in 0..<36 {
            let byte = bytes[start + offset]
            let isDash = offset == 8 || offset == 13 || offset == 18 || offset == 23
            if isDash ? byte != UInt8(ascii: "-") : !byte.isHexDigit { return false }
        }
        return true
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
