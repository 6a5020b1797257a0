/// Dot segments (`.` and `..`, RFC 3986 section 3.3) in a request path, as sent or percent-encoded (`%2e`).
///
/// Clients remove them before sending (RFC 3986 section 5.2.4), so a path that still holds one was written by hand.
/// With the path strategy, `/org/acme/../globex/api/tasks` names acme's key and then a path that climbs into
/// globex's: the server refuses such paths rather than normalizing them, so that no path can mean one organization
/// to a proxy or a log reader and another to the router.
package enum PathDotSegments {
    /// Whether the path part of `target` (before `?` or `#`) has a segment that is `.` or `..`, where each dot may be
    /// written `%2e` or `%2E`.
    package static func occur(in target: String) -> Bool {
        var target = target
        return target.withUTF8 { bytes in
            var dots = 0
            var onlyDots = true
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") {
                    if onlyDots && (dots == 1 || dots == 2) { return true }
                    if byte != UInt8(ascii: "/") { return false }
                    dots = 0
                    onlyDots = true
                } else if byte == UInt8(ascii: ".") {
                    dots += 1
                } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "2"),
                    bytes[index + 2] | 0x20 == UInt8(ascii: "e")
                {
                    dots += 1
                    index += 2
                } else {
                    onlyDots = false
                }
                index += 1
            }
            return onlyDots && (dots == 1 || dots == 2)
        }
    }
}
