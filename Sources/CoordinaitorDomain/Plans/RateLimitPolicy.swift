/// A token bucket: `burst` requests at once, refilled at `requestsPerHour` spread evenly over the hour.
package struct RateLimitPolicy: Hashable, Sendable, Codable {
    package var requestsPerHour: Int
    package var burst: Int

    package init(requestsPerHour: Int, burst: Int) {
        self.requestsPerHour = requestsPerHour
        self.burst = burst
    }

    /// The share of this policy one API key gets inside its organization's, so that one runaway key cannot use up
    /// the organization's whole budget (half the rate and half the burst, at least one of each).
    package var perAPIKey: RateLimitPolicy {
        RateLimitPolicy(requestsPerHour: max(self.requestsPerHour / 2, 1), burst: max(self.burst / 2, 1))
    }

    /// Tokens added per second.
    package var refillPerSecond: Double { Double(self.requestsPerHour) / 3600 }

    /// Seconds an empty bucket takes to fill up again: the window of the `burst` quota in the `RateLimit-Policy` header.
    package var refillWindowSeconds: Int {
        guard self.requestsPerHour > 0 else { return 3600 }
        return Int((Double(self.burst) / self.refillPerSecond).rounded(.up))
    }

    package func validate(into collector: inout ValidationCollector, field: String) {
        collector.check(self.requestsPerHour >= 1 && self.requestsPerHour <= 100_000_000, field: "\(field).requestsPerHour", "Must be between 1 and 100000000.")
        collector.check(self.burst >= 1 && self.burst <= 1_000_000, field: "\(field).burst", "Must be between 1 and 1000000.")
    }
}
