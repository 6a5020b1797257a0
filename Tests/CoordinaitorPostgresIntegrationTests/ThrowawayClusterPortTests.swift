import CoordinaitorTesting
import Testing

/// The test clusters pick a port that is free when picked; another test's socket may take it before PostgreSQL binds.
@Suite("Test clusters start on another port when theirs was taken")
struct ThrowawayClusterPortTests {
    struct PortTaken: Error {}

    @Test func aFailedStartIsRetriedOnAFreshPort() throws {
        var tried: [Int] = []
        let port = try ThrowawayCluster.startOnAFreePort { port in
            tried.append(port)
            if tried.count < 3 { throw PortTaken() }
        }
        #expect(tried.count == 3)
        #expect(port == tried.last)
    }

    @Test func theLastErrorIsThrownWhenEveryAttemptFails() {
        var attempts = 0
        #expect(throws: PortTaken.self) {
            try ThrowawayCluster.startOnAFreePort(attempts: 2) { _ in
                attempts += 1
                throw PortTaken()
            }
        }
        #expect(attempts == 2)
    }
}
