/// The `DEBUG` variable: comma-separated namespaces such as `tenant:*` or `tenant:resolve`, with `*` as a wildcard.
package struct DebugNamespaces: Hashable, Sendable {
    private let patterns: [String]

    package init(_ raw: String) {
        self.patterns = raw.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
    }

    /// Whether `namespace` (such as `tenant:resolve`) is switched on.
    package func isEnabled(_ namespace: String) -> Bool {
        self.patterns.contains { Self.matches(pattern: Substring($0), Substring(namespace)) }
    }

    /// Glob matching where `*` stands for any run of characters.
    private static func matches(pattern: Substring, _ text: Substring) -> Bool {
        guard let star = pattern.firstIndex(of: "*") else { return pattern == text }
        let head = pattern[..<star]
        guard text.hasPrefix(head) else { return false }
        let tail = pattern[pattern.index(after: star)...]
        var rest = text.dropFirst(head.count)
        while true {
            if self.matches(pattern: tail, rest) { return true }
            if rest.isEmpty { return false }
            rest = rest.dropFirst()
        }
    }
}
