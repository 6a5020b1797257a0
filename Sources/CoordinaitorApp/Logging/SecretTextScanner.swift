/// Finds credentials in free text by their shape and replaces them with ``LogRedaction/placeholder``.
///
/// One pass over the UTF-8 bytes, without regular expressions: it runs on every message and value of every line,
/// on the thread that logs (often an event loop), so it has to stay linear and cheap. Rules, tried where a word starts:
/// - `Bearer <token>` (scheme in any case) keeps the scheme: `Bearer [REDACTED]`.
/// - A JWT (`eyJ…` base64url, a dot, base64url, a dot, an optional base64url signature) is replaced whole.
/// - An API key `cai_<prefix>_<secret>` keeps its public prefix (`cai_0badc0de_[REDACTED]`), which tells keys apart;
///   a webhook secret `whsec_<hex>` becomes `whsec_[REDACTED]`.
/// - `name=value` whose name names a secret (``LogRedaction/isSecretKey(_:)``: `password=`, `token=`, `access_token=`,
///   `api_key=` …), as in a query string, keeps the name; so does `name: "value"` (or `name: Optional("value")`), as
///   Swift prints the properties of a struct or an error.
/// - A JSON member `"name": "value"` whose name names a secret, as in a logged request body, keeps the name.
/// - A bcrypt password hash (`$2b$11$…`) is replaced whole: it is what an offline guess of the password starts from.
///
/// Text that merely mentions these words is left alone: `cai_0badc0de` (a prefix alone) or `password is wrong`.
enum SecretTextScanner {
    private struct Match {
        var end: Int
        var replacement: [UInt8]
    }

    private static let placeholder = Array(LogRedaction.placeholder.utf8)

    /// Keys with a recognisable prefix: `keepsFirstPart` keeps the part up to the second underscore (a public id).
    private static let prefixedSecrets: [(prefix: [UInt8], keepsFirstPart: Bool)] = [
        (Array("cai_".utf8), true),
        (Array("whsec_".utf8), false),
    ]

    /// The shortest run of key characters taken for a secret; shorter runs are ids, prefixes or prose.
    private static let minimumSecretLength = 8

    static func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var changed = false
        var index = 0
        while index < bytes.count {
            if let match = self.match(bytes, at: index) {
                output.append(contentsOf: match.replacement)
                index = match.end
                changed = true
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    private static func match(_ bytes: [UInt8], at index: Int) -> Match? {
        if bytes[index] == UInt8(ascii: "\"") { return self.jsonMember(bytes, at: index) }
        guard index == 0 || !self.isWordByte(bytes[index - 1]) else { return nil }
        return self.bearer(bytes, at: index)
            ?? self.jsonWebToken(bytes, at: index)
            ?? self.prefixedSecret(bytes, at: index)
            ?? self.passwordHash(bytes, at: index)
            ?? self.assignment(bytes, at: index)
    }

    // MARK: Rules

    private static func bearer(_ bytes: [UInt8], at index: Int) -> Match? {
        let scheme = Array("bearer".utf8)
        guard self.hasPrefix(bytes, at: index, scheme, caseInsensitive: true) else { return nil }
        let spaces = index + scheme.count
        let token = self.end(of: bytes, from: spaces) { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard token > spaces else { return nil }
        let end = self.end(of: bytes, from: token) { !self.endsValue($0) }
        guard end > token else { return nil }
        return Match(end: end, replacement: Array(bytes[index..<token]) + self.placeholder)
    }

    private static func jsonWebToken(_ bytes: [UInt8], at index: Int) -> Match? {
        guard self.hasPrefix(bytes, at: index, Array("eyJ".utf8), caseInsensitive: false) else { return nil }
        let header = self.end(of: bytes, from: index, while: self.isBase64URLByte)
        guard header < bytes.count, bytes[header] == UInt8(ascii: ".") else { return nil }
        let payload = self.end(of: bytes, from: header + 1, while: self.isBase64URLByte)
        guard payload > header + 1, payload < bytes.count, bytes[payload] == UInt8(ascii: ".") else { return nil }
        let signature = self.end(of: bytes, from: payload + 1, while: self.isBase64URLByte)
        return Match(end: signature, replacement: self.placeholder)
    }

    private static func prefixedSecret(_ bytes: [UInt8], at index: Int) -> Match? {
        for (prefix, keepsFirstPart) in self.prefixedSecrets where self.hasPrefix(bytes, at: index, prefix, caseInsensitive: false) {
            var secretStart = index + prefix.count
            if keepsFirstPart {
                let firstPart = self.end(of: bytes, from: secretStart, while: self.isAlphanumeric)
                guard firstPart > secretStart, firstPart < bytes.count, bytes[firstPart] == UInt8(ascii: "_") else { return nil }
                secretStart = firstPart + 1
            }
            let end = self.end(of: bytes, from: secretStart, while: self.isAlphanumeric)
            guard end - secretStart >= self.minimumSecretLength else { return nil }
            return Match(end: end, replacement: Array(bytes[index..<secretStart]) + self.placeholder)
        }
        return nil
    }

    private static func passwordHash(_ bytes: [UInt8], at index: Int) -> Match? {
        // `$2a$`, `$2b$` or `$2y$`, a two-digit cost and `$`, then the salt and hash in bcrypt's base64 alphabet.
        let header = index + 7
        guard bytes.count > header, bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "2"),
            [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "y")].contains(bytes[index + 2]), bytes[index + 3] == UInt8(ascii: "$"),
            self.isDigit(bytes[index + 4]), self.isDigit(bytes[index + 5]), bytes[index + 6] == UInt8(ascii: "$")
        else { return nil }
        let end = self.end(of: bytes, from: header) { self.isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "/") }
        // The salt alone is 22 characters; anything shorter is not a hash.
        guard end - header >= 22 else { return nil }
        return Match(end: end, replacement: self.placeholder)
    }

    /// `name=value` (a query string, logfmt), or `name: "value"` as Swift prints a value's properties
    /// (`String(describing:)` of a struct or an error), `Optional("value")` included.
    private static func assignment(_ bytes: [UInt8], at index: Int) -> Match? {
        let nameEnd = self.end(of: bytes, from: index) { self.isWordByte($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
        guard nameEnd > index, nameEnd < bytes.count, bytes[nameEnd] == UInt8(ascii: "=") || bytes[nameEnd] == UInt8(ascii: ":") else { return nil }
        guard LogRedaction.isSecretKey(String(decoding: bytes[index..<nameEnd], as: UTF8.self)) else { return nil }
        if bytes[nameEnd] == UInt8(ascii: ":") {
            var opening = self.end(of: bytes, from: nameEnd + 1, while: self.isSpace)
            if self.hasPrefix(bytes, at: opening, Array("Optional(".utf8), caseInsensitive: false) { opening += "Optional(".utf8.count }
            guard opening < bytes.count, bytes[opening] == UInt8(ascii: "\"") else { return nil }
            return self.quotedValue(bytes, from: index, openingQuote: opening)
        }
        let valueStart = nameEnd + 1
        guard valueStart < bytes.count else { return nil }
        if bytes[valueStart] == UInt8(ascii: "\"") || bytes[valueStart] == UInt8(ascii: "'") {
            // `password="two words"`
            return self.quotedValue(bytes, from: index, openingQuote: valueStart)
        }
        let end = self.end(of: bytes, from: valueStart) { !self.endsValue($0) && $0 != UInt8(ascii: "&") }
        guard end > valueStart else { return nil }
        return Match(end: end, replacement: Array(bytes[index..<valueStart]) + self.placeholder)
    }

    private static func jsonMember(_ bytes: [UInt8], at index: Int) -> Match? {
        let nameStart = index + 1
        let nameEnd = self.end(of: bytes, from: nameStart) { $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        guard nameEnd > nameStart, nameEnd - nameStart <= 128, nameEnd < bytes.count, bytes[nameEnd] == UInt8(ascii: "\"") else { return nil }
        var cursor = self.end(of: bytes, from: nameEnd + 1, while: self.isSpace)
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") else { return nil }
        cursor = self.end(of: bytes, from: cursor + 1, while: self.isSpace)
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") else { return nil }
        guard LogRedaction.isSecretKey(String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)) else { return nil }
        return self.quotedValue(bytes, from: index, openingQuote: cursor)
    }

    /// Keeps `bytes[start...openingQuote]` and the closing quote, and hides what is between. The closing quote is the
    /// first one not escaped by a backslash; an unterminated value runs to the end and gets its quote back.
    private static func quotedValue(_ bytes: [UInt8], from start: Int, openingQuote: Int) -> Match {
        let quote = bytes[openingQuote]
        var closing = openingQuote + 1
        while closing < bytes.count, bytes[closing] != quote {
            closing += bytes[closing] == UInt8(ascii: "\\") ? 2 : 1
        }
        return Match(end: min(closing + 1, bytes.count), replacement: Array(bytes[start...openingQuote]) + self.placeholder + [quote])
    }

    // MARK: Bytes

    private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: [UInt8], caseInsensitive: Bool) -> Bool {
        guard bytes.count - index >= prefix.count else { return false }
        for (offset, expected) in prefix.enumerated() {
            let byte = bytes[index + offset]
            let folded = caseInsensitive && byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            if folded != expected { return false }
        }
        return true
    }

    /// The first index at or after `start` whose byte fails `predicate`.
    private static func end(of bytes: [UInt8], from start: Int, while predicate: (UInt8) -> Bool) -> Int {
        var index = start
        while index < bytes.count, predicate(bytes[index]) { index += 1 }
        return index
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        self.isAlphanumeric(byte) || byte == UInt8(ascii: "_")
    }

    private static func isBase64URLByte(_ byte: UInt8) -> Bool {
        self.isWordByte(byte) || byte == UInt8(ascii: "-")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Bytes that end a token or a value: white space, quotes and the punctuation that surrounds values in text.
    private static func endsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\""), UInt8(ascii: "'"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            true
        default:
            false
        }
    }
}
