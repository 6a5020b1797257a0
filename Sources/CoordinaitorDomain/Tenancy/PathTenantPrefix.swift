/// The `/org/{key}` prefix of the path strategy.
package enum PathTenantPrefix {
    /// Splits `/org/acme/api/tasks?x=1` into `("acme", "/api/tasks?x=1")`.
    ///
    /// Returns nil when the path does not start with `/org/{key}` followed by `/`, `?` or the end.
    /// The key is returned exactly as sent (not percent-decoded), so an encoded key is refused by validation rather than reinterpreted.
    package static func split(_ path: String) -> (key: String, remainder: String)? {
        guard path.hasPrefix("/org/") else { return nil }
        let afterPrefix = path.dropFirst(5)
        let end = afterPrefix.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? afterPrefix.endIndex
        let key = afterPrefix[..<end]
        guard !key.isEmpty else { return nil }
        var remainder = String(afterPrefix[end...])
        if remainder.isEmpty || remainder.first == "?" { remainder = "/" + remainder }
        return (String(key), remainder)
    }
}
