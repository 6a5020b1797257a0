/// A token bucket's state, as pure arithmetic over monotonic seconds: the rate limiter keeps one per organization and
/// per API key.
package struct TokenBucket: Hashable, Sendable {
    package private(set) var tokens: Double
    package private(set) var updatedAt: Double

    /// A full bucket.
    package init(policy: RateLimitPolicy, now: Double) {
        self.tokens = Double(policy.burst)
        self.updatedAt = now
    }

    package struct Decision: Hashable, Sendable {
        package var allowed: Bool
        /// Whole tokens left after this request.
        package var remaining: Int
        /// Seconds until the bucket is full again (`RateLimit`'s `t`).
        package var secondsUntilFull: Int
        /// When refused: seconds until one token is back (`Retry-After`).
        package var retryAfterSeconds: Int
    }

    /// Refills for the time passed, then takes one token if there is one.
    package mutating func take(policy: RateLimitPolicy, now: Double) -> Decision {
        let elapsed = max(now - self.updatedAt, 0)
        self.tokens = min(Double(policy.burst), self.tokens + elapsed * policy.refillPerSecond)
        self.updatedAt = max(now, self.updatedAt)
        let allowed = self.tokens >= 1
        if allowed { self.tokens -= 1 }
        let rate = max(policy.refillPerSecond, .leastNonzeroMagnitude)
        let missing = Double(policy.burst) - self.tokens
        return Decision(
            allowed: allowed,
            remaining: Int(self.tokens.rounded(.down)),
            secondsUntilFull: Int((missing / rate).rounded(.up)),
            retryAfterSeconds: allowed ? 0 : max(Int(((1 - self.tokens) / rate).rounded(.up)), 1)
        )
    }
}
