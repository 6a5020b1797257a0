import FoundationEssentials

/// When a failed delivery is tried again: exponential backoff with a cap, for at most ``maximumAttempts`` attempts.
///
/// The standard schedule waits 10 s, 30 s, 1.5 min, 4.5 min, 13.5 min, 40.5 min and then 1 h (the cap) between its
/// eight attempts, about two hours in all: long enough to ride out a receiver's deploy or brief outage, short enough
/// that a dead endpoint does not keep a queue forever. Pure, so it is tested without a clock.
package struct WebhookRetrySchedule: Hashable, Sendable {
    package var maximumAttempts: Int
    package var initialDelay: TimeInterval
    package var multiplier: Double
    package var maximumDelay: TimeInterval

    package init(maximumAttempts: Int, initialDelay: TimeInterval, multiplier: Double, maximumDelay: TimeInterval) {
        self.maximumAttempts = max(maximumAttempts, 1)
        self.initialDelay = max(initialDelay, 0)
        self.multiplier = max(multiplier, 1)
        self.maximumDelay = max(maximumDelay, self.initialDelay)
    }

    package static let standard = WebhookRetrySchedule(maximumAttempts: 8, initialDelay: 10, multiplier: 3, maximumDelay: 3600)

    /// How long to wait after the `attempt`-th attempt (counting from 1) failed, or nil when it was the last one.
    package func delay(afterAttempt attempt: Int) -> TimeInterval? {
        guard attempt >= 1, attempt < self.maximumAttempts else { return nil }
        var delay = self.initialDelay
        for _ in 1..<attempt {
            delay *= self.multiplier
            if delay >= self.maximumDelay { return self.maximumDelay }
        }
        return min(delay, self.maximumDelay)
    }

    /// Every wait between attempts, in order (one fewer than the attempts).
    package var delays: [TimeInterval] { (1..<self.maximumAttempts).compactMap { self.delay(afterAttempt: $0) } }
}
