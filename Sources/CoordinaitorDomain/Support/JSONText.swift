/// A small JSON reader and writer for stored task inputs and outputs, so that the request path never goes through
/// Foundation's coders for them (they were a third of the task list's CPU time).
///
/// The writer produces exactly what the API's `JSONEncoder` (`.sortedKeys`, `.withoutEscapingSlashes`) produces for a
/// ``JSONValue``: compact, keys in UTF-8 byte order, `"`, `\` and control characters escaped (`\b \f \n \r \t`, the
/// others as lower-case `\u00xx`), numbers as `Double.description` without a trailing `.0`.
package enum JSONText {
    /// Deeper nesting is refused, as Foundation refuses it: recursion must stay bounded whatever a client sends.
    package static let maximumDepth = 512

    /// The canonical text of `value`. JSON has no NaN or infinity; a ``JSONValue`` read from JSON never holds one,
    /// and one built in code that does is written as `null` rather than as text no parser accepts.
    package static func canonical(_ value: JSONValue) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        self.write(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    package static func write(_ value: JSONValue, into bytes: inout [UInt8]) {
        switch value {
        case .null:
            bytes.append(contentsOf: "null".utf8)
        case .bool(let flag):
            bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            self.writeNumber(number, into: &bytes)
        case .string(let string):
            self.writeString(string, into: &bytes)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                self.write(element, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                self.writeString(member.key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                self.write(member.value, into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// `Double.description` minus a trailing `.0`: what Foundation's encoder writes (`1`, `0.5`, `1e+20`, `-0`).
    package static func writeNumber(_ number: Double, into bytes: inout [UInt8]) {
        guard number.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A JSON string literal, quotes included.
    package static func writeString(_ string: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var needsEscaping = false
        for byte in string.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            needsEscaping = true
            break
        }
        if !needsEscaping {
            bytes.append(contentsOf: string.utf8)
        } else {
            for byte in string.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0..<0x20:
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    bytes.append(LowercaseHex.digits[Int(byte >> 4)])
                    bytes.append(LowercaseHex.digits[Int(byte & 0x0F)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Parses one JSON document (RFC 8259; surrounding whitespace allowed). Numbers become `Double`s, as with
    /// Foundation's decoder.
    package static func parse(_ text: String) throws -> JSONValue {
        var copy = text
        return try copy.withUTF8 { bytes throws in
            var reader = JSONTextReader(bytes)
            let value = try reader.document(building: true)
            return value ?? .null
        }
    }

    /// Checks that `text` is one well-formed JSON document without building anything.
    package static func validate(_ text: String) throws {
        var copy = text
        try copy.withUTF8 { bytes throws in
            var reader = JSONTextReader(bytes)
            _ = try reader.document(building: false)
        }
    }
}

/// Why a text is not JSON, with the byte offset where reading stopped.
package struct JSONTextError: Error, Hashable, Sendable, CustomStringConvertible {
    package var offset: Int
    package var reason: String

    package var description: String { "\(self.reason) at byte \(self.offset)" }
}
