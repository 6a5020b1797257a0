import CoordinaitorDomain
import Foundation
import Synchronization

/// What a bucket belongs to: an organization as a whole, or one of its API keys.
package enum RateLimitKey: Hashable, Sendable {
    case organization(OrganizationID)
    case apiKey(APIKeyID)
}

/// Decides whether a request may proceed under a token-bucket policy.
///
/// Asynchronous on purpose: the in-memory limiter answers at once, and a limiter shared by several nodes (in
/// PostgreSQL or Redis, keyed the same way) can implement the same protocol later without touching callers.
package protocol RateLimiter: Sendable {
    func acquire(_ key: RateLimitKey, policy: RateLimitPolicy) async -> TokenBucket.Decision
}

/// Token buckets in this process's memory: exact on one node.
///
/// Buckets are kept per key; when there are more than `capacity`, those that have refilled completely (idle keys,
/// whose state equals a fresh bucket) are dropped, so memory stays bounded without changing any decision.
package final class LocalRateLimiter: RateLimiter {
    private let buckets = Mutex<[RateLimitKey: (bucket: TokenBucket, policy: RateLimitPolicy)]>([:])
    private let time: any TimeSource
    private let capacity: Int

    package init(time: any TimeSource, capacity: Int = 50_000) {
        self.time = time
        self.capacity = capacity
    }

    package func acquire(_ key: RateLimitKey, policy: RateLimitPolicy) async -> TokenBucket.Decision {
        let now = self.time.now().timeIntervalSince1970
        return self.buckets.withLock { buckets in
            var bucket = buckets[key]?.bucket ?? TokenBucket(policy: policy, now: now)
            let decision = bucket.take(policy: policy, now: now)
            buckets[key] = (bucket, policy)
            if buckets.count > self.capacity {
                buckets = buckets.filter { _, entry in
                    var probe = entry.bucket
                    return probe.take(policy: entry.policy, now: now).remaining + 1 < entry.policy.burst
                }
            }
            return decision
        }
    }
}
