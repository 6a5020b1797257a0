import CoordinaitorServices
import Testing

@Suite("Latency buckets")
struct LatencyBucketsTests {
    @Test func percentilesAreBucketUpperBounds() throws {
        var buckets = LatencyBuckets()
        #expect(buckets.percentile(0.5) == nil)
        buckets.record(.microseconds(100))
        #expect(buckets.percentile(0.5) == LatencyBuckets.upperBound(ofBucket: 0))
        buckets.record(.seconds(600))
        // Beyond the last finite bucket: reported as its bound (about 55 s).
        let top = try #require(buckets.percentile(1))
        #expect(top == LatencyBuckets.upperBound(ofBucket: 71))
        #expect(top > .seconds(55) && top < .seconds(56))
    }

    @Test func aLatencyOnABoundFallsInThatBoundsBucket() {
        var buckets = LatencyBuckets()
        buckets.record(LatencyBuckets.upperBound(ofBucket: 12))
        #expect(buckets.percentile(0.5) == LatencyBuckets.upperBound(ofBucket: 12))
    }

    @Test func histogramsAddBucketByBucket() throws {
        var first = LatencyBuckets()
        var second = LatencyBuckets()
        for _ in 0..<9 { first.record(.milliseconds(2)) }
        second.record(.milliseconds(800))
        first.add(second)
        #expect(first.total == 10)
        #expect(try #require(first.percentile(0.5)) < .milliseconds(3))
        #expect(try #require(first.percentile(0.95)) >= .milliseconds(800))
    }
}
