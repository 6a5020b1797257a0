import FoundationEssentials

/// An IPv4 or IPv6 address, parsed without the system's resolver, and what kind of network it belongs to.
///
/// Webhook targets must be public: classifying the address here, as pure code, lets the same rule run when a URL is
/// registered (for IP literals) and when a name has been resolved just before sending (against DNS rebinding).
package enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    case v4(UInt32)
    /// The 128 bits as two halves, most significant first.
    case v6(high: UInt64, low: UInt64)

    /// Parses the canonical textual forms: dotted-quad IPv4 (`192.0.2.1`) or IPv6 (`2001:db8::1`, `::ffff:10.0.0.1`),
    /// without brackets or a zone (`%eth0`).
    package init?(_ text: some StringProtocol) {
        if let v4 = Self.parseDottedQuad(Substring(text)) {
            self = .v4(v4)
        } else if let v6 = Self.parseIPv6(Substring(text)) {
            self = v6
        } else {
            return nil
        }
    }

    /// From the bytes `getaddrinfo` and socket addresses use: 4 or 16 of them, network order.
    package init?(bytes: [UInt8]) {
        switch bytes.count {
        case 4:
            self = .v4(bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        case 16:
            let high = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let low = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            self = .v6(high: high, low: low)
        default:
            return nil
        }
    }

    package var description: String {
        switch self {
        case .v4(let value):
            return [24, 16, 8, 0].map { String((value >> UInt32($0)) & 0xFF) }.joined(separator: ".")
        case .v6(let high, let low):
            let groups = (0..<8).map { index -> UInt16 in
                let half = index < 4 ? high : low
                return UInt16(truncatingIfNeeded: half >> UInt64(48 - 16 * (index % 4)))
            }
            return Self.compressed(groups)
        }
    }

    /// The address in a URL's host: IPv6 in brackets.
    package var urlHost: String {
        if case .v6 = self { return "[\(self.description)]" }
        return self.description
    }

    // MARK: Classification

    /// The kind of network an address belongs to; only `.public` may receive webhooks by default.
    package enum Scope: String, Hashable, Sendable {
        case `public`
        case loopback
        /// RFC 1918: 10/8, 172.16/12, 192.168/16.
        case privateNetwork = "private"
        /// 100.64/10, carrier-grade NAT: private in practice.
        case sharedAddressSpace = "shared"
        case linkLocal = "link-local"
        /// fc00::/7.
        case uniqueLocal = "unique-local"
        case unspecified
        case multicast
        /// Documentation, benchmarking, broadcast and other ranges that are never a real receiver.
        case reserved
    }

    package var scope: Scope {
        switch self {
        case .v4(let value): Self.scope(ofIPv4: value)
        case .v6(let high, let low): Self.scope(ofIPv6High: high, low: low)
        }
    }

    package var isPublic: Bool { self.scope == .public }

    private static func scope(ofIPv4 value: UInt32) -> Scope {
        func within(_ prefix: UInt32, _ length: UInt32) -> Bool {
            let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << (32 - length)
            return value & mask == prefix & mask
        }
        if within(0x0000_0000, 8) { return .unspecified }
        if within(0x7F00_0000, 8) { return .loopback }
        if within(0x0A00_0000, 8) || within(0xAC10_0000, 12) || within(0xC0A8_0000, 16) { return .privateNetwork }
        if within(0x6440_0000, 10) { return .sharedAddressSpace }
        if within(0xA9FE_0000, 16) { return .linkLocal }
        if within(0xE000_0000, 4) { return .multicast }
        // 192.0.0/24 protocol assignments, 192.0.2/24, 198.51.100/24 and 203.0.113/24 documentation, 198.18/15
        // benchmarking, 240/4 reserved (with 255.255.255.255, broadcast).
        if within(0xC000_0000, 24) || within(0xC000_0200, 24) || within(0xC633_6400, 24) || within(0xCB00_7100, 24)
            || within(0xC612_0000, 15) || within(0xF000_0000, 4)
        {
            return .reserved
        }
        return .public
    }

    private static func scope(ofIPv6High high: UInt64, low: UInt64) -> Scope {
        if high == 0 && low == 0 { return .unspecified }
        if high == 0 && low == 1 { return .loopback }
        // ::ffff:a.b.c.d (IPv4-mapped) and 64:ff9b::a.b.c.d (NAT64) reach the IPv4 address they embed.
        if (high == 0 && low >> 32 == 0xFFFF) || (high == 0x0064_FF9B_0000_0000 && low >> 32 == 0) {
            return self.scope(ofIPv4: UInt32(truncatingIfNeeded: low))
        }
        // Other addresses under ::/96 (IPv4-compatible, deprecated) are never a receiver.
        if high == 0 && low >> 32 == 0 { return .reserved }
        let top16 = UInt16(truncatingIfNeeded: high >> 48)
        if top16 & 0xFFC0 == 0xFE80 { return .linkLocal }
        if top16 & 0xFE00 == 0xFC00 { return .uniqueLocal }
        if top16 & 0xFF00 == 0xFF00 { return .multicast }
        // 2002::/16 (6to4) reaches the IPv4 address in its bits 16–47: judged by that address.
        if top16 == 0x2002 { return self.scope(ofIPv4: UInt32(truncatingIfNeeded: high >> 16)) }
        // fec0::/10 (site-local, deprecated), 2001:db8::/32 (documentation), 2001::/32 (Teredo, which tunnels to
        // addresses it hides), 64:ff9b:1::/48 (local NAT64) and 100::/64 (discard): never a receiver.
        if top16 & 0xFFC0 == 0xFEC0 || high >> 32 == 0x2001_0DB8 || high >> 32 == 0x2001_0000 || high >> 16 == 0x0064_FF9B_0001
            || high == 0x0100_0000_0000_0000
        {
            return .reserved
        }
        return .public
    }

    // MARK: Parsing

    /// Exactly four decimal parts of 0–255 without leading zeros.
    private static func parseDottedQuad(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part.count == 1 || part.first != "0", let byte = UInt32(part), byte <= 255
            else { return nil }
            value = value << 8 | byte
        }
        return value
    }

    private static func parseIPv6(_ text: Substring) -> IPAddress? {
        guard text.contains(":"), !text.contains("%"), text.utf8.count <= 45 else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String, allowIPv4Tail: Bool) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if allowIPv4Tail, index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = self.parseDottedQuad(piece) else { return nil }
                    result += [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit), let group = UInt16(piece, radix: 16) else { return nil }
                    result.append(group)
                }
            }
            return result
        }
        let all: [UInt16]
        if halves.count == 2 {
            guard let head = groups(halves[0], allowIPv4Tail: false), let tail = groups(halves[1], allowIPv4Tail: true),
                head.count + tail.count <= 7
            else { return nil }
            all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let only = groups(halves[0], allowIPv4Tail: true), only.count == 8 else { return nil }
            all = only
        }
        let high = all[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = all[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return .v6(high: high, low: low)
    }

    /// RFC 5952: lower-case, the longest run (of two or more) of zero groups written `::`.
    private static func compressed(_ groups: [UInt16]) -> String {
        var bestStart = -1, bestLength = 0, index = 0
        while index < groups.count {
            guard groups[index] == 0 else {
                index += 1
                continue
            }
            var end = index
            while end < groups.count && groups[end] == 0 { end += 1 }
            if end - index > bestLength { (bestStart, bestLength) = (index, end - index) }
            index = end
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestLength >= 2 else { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }
}
