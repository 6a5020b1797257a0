import Crypto

/// `METRICS_TOKEN`: the bearer token `GET /metrics` asks for when one is configured.
///
/// Tokens are compared as SHA-256 digests in constant time: the digests have the same length whatever was sent, so
/// neither the position of the first wrong byte nor the token's length shows in the response time.
package struct MetricsAccessToken: Sendable {
    private let expectedDigest: [UInt8]

    /// Nil for an unset or empty token: the endpoint is then open (protect it in the network instead).
    package init?(_ token: String?) {
        guard let token, !token.isEmpty else { return nil }
        self.expectedDigest = Array(SHA256.hash(data: Array(token.utf8)))
    }

    /// Whether an `Authorization` header value is `Bearer <the token>` (the scheme case-insensitively, per RFC 9110).
    package func accepts(authorization: String?) -> Bool {
        guard let authorization else { return false }
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return false }
        let presented = Array(SHA256.hash(data: Array(parts[1].utf8)))
        var difference: UInt8 = 0
        for (lhs, rhs) in zip(presented, self.expectedDigest) { difference |= lhs ^ rhs }
        return difference == 0
    }
}
