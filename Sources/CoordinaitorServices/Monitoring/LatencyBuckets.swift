import Foundation

/// A latency histogram with fixed, log-spaced buckets, cheap to add up: the per-minute and per-hour building block
/// of ``RequestStatistics``.
///
/// Bucket `i` holds latencies up to `0.25 ms × 2^(i/4)` (four buckets per doubling, 72 of them up to about 55 s) and
/// one more holds anything slower. A percentile is answered with the upper bound of the bucket it falls in, so it is
/// never below the true value and at most about 19% (one quarter-octave) above it. Fixed buckets keep the memory per
/// slot constant whatever the traffic, and two histograms add bucket by bucket, which is what rolling windows need.
package struct LatencyBuckets: Hashable, Sendable {
    /// The smallest bucket's upper bound, in seconds.
    private static let smallestBound = 0.000_25
    private static let bucketsPerDoubling = 4.0
    /// Buckets with a finite upper bound; one more counts everything slower.
    private static let finiteBucketCount = 72

    private var counts: [UInt32]

    package init() {
        self.counts = Array(repeating: 0, count: Self.finiteBucketCount + 1)
    }

    /// How many latencies were recorded.
    package var total: Int { self.counts.reduce(0) { $0 + Int($1) } }

    package mutating func record(_ latency: Duration) {
        let index = Self.bucketIndex(of: Self.seconds(latency))
        // Saturates rather than traps: a slot would need four billion requests in one bucket to get there.
        if self.counts[index] < .max { self.counts[index] += 1 }
    }

    /// Adds another histogram's counts to this one.
    package mutating func add(_ other: LatencyBuckets) {
        for index in self.counts.indices {
            let (sum, overflow) = self.counts[index].addingReportingOverflow(other.counts[index])
            self.counts[index] = overflow ? .max : sum
        }
    }

    /// The latency below which a `fraction` (0…1) of the recorded ones fall, as the upper bound of its bucket; nil
    /// when nothing was recorded. Latencies beyond the last finite bucket are reported as that bucket's bound.
    package func percentile(_ fraction: Double) -> Duration? {
        let total = self.total
        guard total > 0 else { return nil }
        let rank = max(1, Int((min(max(fraction, 0), 1) * Double(total)).rounded(.up)))
        var seen = 0
        for (index, count) in self.counts.enumerated() {
            seen += Int(count)
            if seen >= rank { return Self.upperBound(ofBucket: min(index, Self.finiteBucketCount - 1)) }
        }
        return Self.upperBound(ofBucket: Self.finiteBucketCount - 1)
    }

    /// The upper bound of bucket `index`.
    package static func upperBound(ofBucket index: Int) -> Duration {
        let seconds = Self.smallestBound * pow(2, Double(index) / Self.bucketsPerDoubling)
        return .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    static func bucketIndex(of seconds: Double) -> Int {
        guard seconds > Self.smallestBound else { return 0 }
        let exact = Self.bucketsPerDoubling * log2(seconds / Self.smallestBound)
        // A hair of tolerance so that a latency exactly on a bound lands in that bound's bucket despite rounding.
        let index = Int((exact - 1e-9).rounded(.up))
        return min(index, Self.finiteBucketCount)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
