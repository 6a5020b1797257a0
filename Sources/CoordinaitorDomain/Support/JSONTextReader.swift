/// The recursive-descent reader behind ``JSONText/parse(_:)`` and ``JSONText/validate(_:)``: with `building` false it
/// only checks the grammar and allocates nothing.
struct JSONTextReader: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// One value and nothing but whitespace around it.
    mutating func document(building: Bool) throws -> JSONValue? {
        self.skipWhitespace()
        let value = try self.value(building: building, depth: 0)
        self.skipWhitespace()
        guard self.index == self.bytes.count else { throw self.error("unexpected text after the document") }
        return value
    }

    private func error(_ reason: String) -> JSONTextError {
        JSONTextError(offset: self.index, reason: reason)
    }

    private var current: UInt8? { self.index < self.bytes.count ? self.bytes[self.index] : nil }

    private mutating func skipWhitespace() {
        while let byte = self.current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { self.index += 1 }
    }

    private mutating func expect(_ literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        guard self.index + count <= self.bytes.count else { throw self.error("unexpected end") }
        for offset in 0..<count where self.bytes[self.index + offset] != literal.utf8Start[offset] {
            throw self.error("invalid literal")
        }
        self.index += count
    }

    private mutating func value(building: Bool, depth: Int) throws -> JSONValue? {
        guard let byte = self.current else { throw self.error("unexpected end") }
        switch byte {
        case UInt8(ascii: "{"): return try self.object(building: building, depth: depth + 1)
        case UInt8(ascii: "["): return try self.array(building: building, depth: depth + 1)
        case UInt8(ascii: "\""): return try self.string(building: building).map(JSONValue.string)
        case UInt8(ascii: "t"):
            try self.expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try self.expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try self.expect("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try self.number(building: building)
        default:
            throw self.error("unexpected character")
        }
    }

    private mutating func object(building: Bool, depth: Int) throws -> JSONValue? {
        guard depth <= JSONText.maximumDepth else { throw self.error("nested too deeply") }
        self.index += 1
        var members: [String: JSONValue] = [:]
        self.skipWhitespace()
        if self.current == UInt8(ascii: "}") {
            self.index += 1
            return building ? .object(members) : nil
        }
        while true {
            self.skipWhitespace()
            guard self.current == UInt8(ascii: "\"") else { throw self.error("expected a key") }
            let key = try self.string(building: building)
            self.skipWhitespace()
            guard self.current == UInt8(ascii: ":") else { throw self.error("expected ':'") }
            self.index += 1
            self.skipWhitespace()
            let value = try self.value(building: building, depth: depth)
            // A repeated key keeps its last value, as Foundation's decoder does.
            if building, let key, let value { members[key] = value }
            self.skipWhitespace()
            switch self.current {
            case UInt8(ascii: ","): self.index += 1
            case UInt8(ascii: "}"):
                self.index += 1
                return building ? .object(members) : nil
            default: throw self.error("expected ',' or '}'")
            }
        }
    }

    private mutating func array(building: Bool, depth: Int) throws -> JSONValue? {
        guard depth <= JSONText.maximumDepth else { throw self.error("nested too deeply") }
        self.index += 1
        var elements: [JSONValue] = []
        self.skipWhitespace()
        if self.current == UInt8(ascii: "]") {
            self.index += 1
            return building ? .array(elements) : nil
        }
        while true {
            self.skipWhitespace()
            let value = try self.value(building: building, depth: depth)
            if building, let value { elements.append(value) }
            self.skipWhitespace()
            switch self.current {
            case UInt8(ascii: ","): self.index += 1
            case UInt8(ascii: "]"):
                self.index += 1
                return building ? .array(elements) : nil
            default: throw self.error("expected ',' or ']'")
            }
        }
    }

    /// A string literal; the opening quote is current. Unescaped text is copied in runs.
    private mutating func string(building: Bool) throws -> String? {
        self.index += 1
        var scalars: [UInt8] = []
        var runStart = self.index
        while true {
            guard let byte = self.current else { throw self.error("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                if building {
                    if scalars.isEmpty {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: self.bytes[runStart..<self.index]), as: UTF8.self)
                        self.index += 1
                        return text
                    }
                    scalars.append(contentsOf: self.bytes[runStart..<self.index])
                }
                self.index += 1
                return building ? String(decoding: scalars, as: UTF8.self) : nil
            case UInt8(ascii: "\\"):
                if building { scalars.append(contentsOf: self.bytes[runStart..<self.index]) }
                self.index += 1
                try self.escape(into: &scalars, building: building)
                runStart = self.index
            case 0..<0x20:
                throw self.error("control character in a string")
            default:
                self.index += 1
            }
        }
    }

    /// The escape after a backslash (now current), appended as UTF-8.
    private mutating func escape(into scalars: inout [UInt8], building: Bool) throws {
        guard let byte = self.current else { throw self.error("unterminated escape") }
        self.index += 1
        let simple: UInt8?
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = byte
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default: throw self.error("invalid escape")
        }
        if let simple {
            if building { scalars.append(simple) }
            return
        }
        var code = UInt32(try self.hex4())
        if (0xD800..<0xDC00).contains(code) {
            // A high surrogate must be followed by an escaped low one.
            guard self.index + 1 < self.bytes.count, self.bytes[self.index] == UInt8(ascii: "\\"), self.bytes[self.index + 1] == UInt8(ascii: "u")
            else { throw self.error("unpaired surrogate") }
            self.index += 2
            let low = UInt32(try self.hex4())
            guard (0xDC00..<0xE000).contains(low) else { throw self.error("unpaired surrogate") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(code) {
            throw self.error("unpaired surrogate")
        }
        guard let scalar = Unicode.Scalar(code) else { throw self.error("invalid code point") }
        if building { UTF8.encode(scalar) { scalars.append($0) } }
    }

    private mutating func hex4() throws -> UInt16 {
        guard self.index + 4 <= self.bytes.count else { throw self.error("short \\u escape") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = self.bytes[self.index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw self.error("invalid \\u escape")
            }
            value = value << 4 | UInt16(digit)
            self.index += 1
        }
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, as a finite `Double`.
    private mutating func number(building: Bool) throws -> JSONValue? {
        let start = self.index
        if self.current == UInt8(ascii: "-") { self.index += 1 }
        guard let first = self.current, Self.isDigit(first) else { throw self.error("invalid number") }
        self.index += 1
        if first != UInt8(ascii: "0") { self.skipDigits() }
        if self.current == UInt8(ascii: ".") {
            self.index += 1
            guard let digit = self.current, Self.isDigit(digit) else { throw self.error("invalid number") }
            self.skipDigits()
        }
        if self.current == UInt8(ascii: "e") || self.current == UInt8(ascii: "E") {
            self.index += 1
            if self.current == UInt8(ascii: "+") || self.current == UInt8(ascii: "-") { self.index += 1 }
            guard let digit = self.current, Self.isDigit(digit) else { throw self.error("invalid number") }
            self.skipDigits()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: self.bytes[start..<self.index]), as: UTF8.self)
        // Out of a Double's range: refused, as Foundation's decoder refuses it.
        guard let number = Double(text), number.isFinite else { throw JSONTextError(offset: start, reason: "number out of range") }
        return building ? .number(number) : nil
    }

    private mutating func skipDigits() {
        while let byte = self.current, Self.isDigit(byte) { self.index += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
