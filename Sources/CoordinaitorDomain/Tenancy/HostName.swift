/// Normalizes what a client sent as `Host` (or `X-Forwarded-Host`).
package enum HostName: Hashable, Sendable {
    /// A DNS name: lower-case, without port or trailing dot.
    case name(String)
    /// An IPv4 or IPv6 literal, which never names a tenant.
    case ipLiteral
    /// Not a host name at all.
    case invalid

    /// The longest host name DNS allows.
    package static let maximumLength = 253

    /// Lower-cases, strips the port and one trailing dot, and sorts out IP literals and garbage.
    package static func normalize(_ raw: some StringProtocol) -> HostName {
        var host = Substring(raw.lowercased())
        guard !host.isEmpty, host.utf8.count <= self.maximumLength + 7 else { return .invalid }
        if host.first == "[" {
            // "[v6]" or "[v6]:port"
            guard let close = host.firstIndex(of: "]") else { return .invalid }
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || (rest.first == ":" && self.isPort(rest.dropFirst())) else { return .invalid }
            let inner = host[host.index(after: host.startIndex)..<close]
            return !inner.isEmpty && inner.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) ? .ipLiteral : .invalid
        }
        if let colon = host.lastIndex(of: ":") {
            if host[..<colon].contains(":") {
                // More than one colon without brackets: a bare IPv6 address.
                return host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) ? .ipLiteral : .invalid
            }
            guard self.isPort(host[host.index(after: colon)...]) else { return .invalid }
            host = host[..<colon]
        }
        if host.last == "." { host = host.dropLast() }
        guard !host.isEmpty, host.utf8.count <= self.maximumLength else { return .invalid }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count == 4, labels.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }) {
            return .ipLiteral
        }
        guard labels.allSatisfy(self.isLabel) else { return .invalid }
        return .name(String(host))
    }

    private static func isPort(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 5 && text.allSatisfy(\.isASCIIDigit)
    }

    /// A DNS label: 1 to 63 of `a-z 0-9 -`, not starting or ending with `-`. Underscores are refused.
    private static func isLabel(_ label: Substring) -> Bool {
        guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-" else { return false }
        return label.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { self.isASCII && self.isNumber }
}
