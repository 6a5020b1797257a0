import FoundationEssentials

/// A webhook's target URL, checked before it is stored and again (by address) before every send.
///
/// Webhooks let a tenant make this server send requests wherever it likes, so targets are confined to the public
/// internet unless the operator allows private ones (`WEBHOOK_ALLOW_PRIVATE_TARGETS`, for development and tests):
/// `http` or `https` only, a host, no credentials, at most ``maximumLength`` characters, and no loopback, private
/// (RFC 1918), link-local, unique-local, unspecified or otherwise reserved address, nor `localhost`. A name is only
/// judged by its form here; what it resolves to is checked at send time (``permits(_:allowPrivateTargets:)``), so
/// a name that later points at a private address (DNS rebinding) is still refused.
package struct WebhookTarget: Hashable, Sendable {
    package static let maximumLength = 2048

    package enum Scheme: String, Hashable, Sendable {
        case http, https

        package var defaultPort: Int { self == .http ? 80 : 443 }
    }

    package enum Host: Hashable, Sendable {
        /// A DNS name, lower-cased, without a trailing dot.
        case name(String)
        case address(IPAddress)
    }

    /// The URL as given (trimmed): what is stored and shown.
    package let url: String
    package let scheme: Scheme
    package let host: Host
    package let port: Int
    /// The percent-encoded path (`/` when empty) and query, as sent in the request line.
    package let pathAndQuery: String

    /// Parses and checks `raw`.
    /// - Throws: ``ValidationError`` naming `field`, saying what is wrong.
    package init(validating raw: String, allowPrivateTargets: Bool, field: String = "url") throws(ValidationError) {
        func refuse(_ message: String) -> ValidationError { ValidationError(field: field, message) }
        let text = raw.trimmed
        guard !text.isEmpty else { throw refuse("Required: an http or https URL.") }
        guard text.utf8.count <= Self.maximumLength else { throw refuse("Must be at most \(Self.maximumLength) characters.") }
        // Only printable ASCII, no backslash: a URL that two parsers could read differently is refused outright.
        guard text.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }) else {
            throw refuse("Must be printable ASCII without spaces or backslashes (percent-encode the rest, use punycode for names).")
        }
        guard let components = URLComponents(string: text), let schemeText = components.scheme?.lowercased() else {
            throw refuse("Must be an absolute http or https URL.")
        }
        guard let scheme = Scheme(rawValue: schemeText) else { throw refuse("Must use http or https.") }
        guard components.percentEncodedUser == nil, components.percentEncodedPassword == nil else {
            throw refuse("Must not contain credentials (user:password@); authenticate the request with the signature instead.")
        }
        guard components.fragment == nil else { throw refuse("Must not have a fragment (#…): it is never sent.") }
        guard let rawHost = components.percentEncodedHost, !rawHost.isEmpty else { throw refuse("Must name a host.") }
        let host = try Self.host(rawHost, refuse: refuse)
        let port = components.port ?? scheme.defaultPort
        guard (1...65535).contains(port) else { throw refuse("The port must be from 1 to 65535.") }
        if !allowPrivateTargets {
            switch host {
            case .address(let address):
                guard address.isPublic else {
                    throw refuse("Must be a public address; \(address) is \(address.scope.rawValue).")
                }
            case .name(let name):
                guard name != "localhost", !name.hasSuffix(".localhost") else { throw refuse("Must not be localhost.") }
                guard name.contains(".") else { throw refuse("Must be a fully qualified domain name, such as hooks.example.com.") }
            }
        }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        self.url = text
        self.scheme = scheme
        self.host = host
        self.port = port
        self.pathAndQuery = path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// Whether a send may go to `address`, the target's host as resolved just before sending.
    package static func permits(_ address: IPAddress, allowPrivateTargets: Bool) -> Bool {
        allowPrivateTargets || address.isPublic
    }

    /// The host as it goes into a URL or `Host` header: IPv6 in brackets.
    package var hostText: String {
        switch self.host {
        case .name(let name): name
        case .address(let address): address.urlHost
        }
    }

    /// `Host` header value: the host, and the port when it is not the scheme's default.
    package var hostHeader: String {
        self.port == self.scheme.defaultPort ? self.hostText : "\(self.hostText):\(self.port)"
    }

    private static func host(_ raw: String, refuse: (String) -> ValidationError) throws(ValidationError) -> Host {
        if raw.hasPrefix("[") {
            guard raw.hasSuffix("]"), let address = IPAddress(raw.dropFirst().dropLast()), case .v6 = address else {
                throw refuse("The host is not a valid IPv6 address (zones such as %eth0 are not allowed).")
            }
            return .address(address)
        }
        var name = raw.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        // As in the WHATWG URL standard, a host whose last label is a number is an IPv4 address; only the usual
        // dotted-quad spelling is accepted, so `127.1` or `0x7f000001` cannot slip past the check as names.
        if let last = labels.last, Self.isNumeric(last) {
            guard let address = IPAddress(name), case .v4 = address else {
                throw refuse("Write an IPv4 address as four decimal numbers from 0 to 255, such as 203.0.113.7.")
            }
            return .address(address)
        }
        let validLabels = labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { byte in
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                        || byte == UInt8(ascii: "-")
                }
        }
        guard validLabels, name.utf8.count <= 253 else {
            throw refuse("The host must be a DNS name (letters, digits and hyphens; punycode for other scripts) or an IP address.")
        }
        return .name(name)
    }

    /// Decimal digits, or `0x` followed by hex digits (possibly none).
    private static func isNumeric(_ label: Substring) -> Bool {
        guard !label.isEmpty else { return false }
        if label.hasPrefix("0x") { return label.dropFirst(2).allSatisfy(\.isHexDigit) }
        return label.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
