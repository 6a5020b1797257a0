extension StringProtocol {
    /// The string without leading and trailing white space.
    package var trimmed: String {
        guard let start = self.firstIndex(where: { !$0.isWhitespace }), let end = self.lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[start...end])
    }
}
