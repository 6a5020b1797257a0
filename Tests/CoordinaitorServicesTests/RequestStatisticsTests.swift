import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import Testing

@Suite("Request statistics per organization")
struct RequestStatisticsTests {
    /// A minute boundary, so that "plus n minutes" lands in minute n of the test.
    static let start = Date(timeIntervalSince1970: 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 3_600))
    let acme = OrganizationID(UUID())
    let globex = OrganizationID(UUID())

    func at(minutes: Double) -> Date { Self.start.addingTimeInterval(minutes * 60) }

    @Test func countsErrorsAndPercentilesPerOrganization() throws {
        let statistics = RequestStatistics()
        for index in 0..<100 {
            // 1 ms to 100 ms: p50 about 50 ms, p95 about 95 ms.
            statistics.record(organization: self.acme, status: 200, latency: .milliseconds(index + 1), at: self.at(minutes: 1))
        }
        statistics.record(organization: self.acme, status: 404, latency: .milliseconds(1), at: self.at(minutes: 1))
        statistics.record(organization: self.acme, status: 503, latency: .milliseconds(1), at: self.at(minutes: 1))
        statistics.record(organization: self.globex, status: 200, latency: .seconds(2), at: self.at(minutes: 1))

        let summary = statistics.summary(for: self.acme, at: self.at(minutes: 2))
        #expect(summary.lastHour.requests == 102)
        #expect(summary.lastHour.clientErrors == 1)
        #expect(summary.lastHour.serverErrors == 1)
        #expect(summary.lastHour.errorRate == 1.0 / 102)
        #expect(summary.lastDay == summary.lastHour)
        let p50 = try #require(summary.lastHour.p50)
        let p95 = try #require(summary.lastHour.p95)
        // Bucket upper bounds: never below the true value, at most a quarter-octave (19%) above it.
        #expect(p50 >= .milliseconds(49) && p50 <= .milliseconds(59))
        #expect(p95 >= .milliseconds(94) && p95 <= .milliseconds(113))

        let other = statistics.summary(for: self.globex, at: self.at(minutes: 2))
        #expect(other.lastHour.requests == 1)
        #expect(try #require(other.lastHour.p50) >= .seconds(2))
    }

    @Test func theHourWindowRollsOverMinuteByMinute() {
        let statistics = RequestStatistics()
        statistics.record(organization: self.acme, status: 200, latency: .milliseconds(5), at: self.at(minutes: 0))
        statistics.record(organization: self.acme, status: 500, latency: .milliseconds(5), at: self.at(minutes: 30))
        #expect(statistics.summary(for: self.acme, at: self.at(minutes: 59.9)).lastHour.requests == 2)
        // At minute 60 the first minute has left the hour; the day still has it.
        let later = statistics.summary(for: self.acme, at: self.at(minutes: 60))
        #expect(later.lastHour.requests == 1)
        #expect(later.lastHour.serverErrors == 1)
        #expect(later.lastDay.requests == 2)
        #expect(statistics.summary(for: self.acme, at: self.at(minutes: 91)).lastHour.requests == 0)
        #expect(statistics.summary(for: self.acme, at: self.at(minutes: 91)).lastHour.p95 == nil)
    }

    @Test func aReusedSlotStartsFromZero() {
        let statistics = RequestStatistics()
        statistics.record(organization: self.acme, status: 200, latency: .milliseconds(5), at: self.at(minutes: 3))
        // Same ring position, one hour later: the old minute must not be added to the new one.
        statistics.record(organization: self.acme, status: 200, latency: .milliseconds(5), at: self.at(minutes: 63))
        #expect(statistics.summary(for: self.acme, at: self.at(minutes: 63)).lastHour.requests == 1)
        #expect(statistics.summary(for: self.acme, at: self.at(minutes: 63)).lastDay.requests == 2)
    }

    @Test func theDayWindowRollsOverHourByHourAndIdleOrganizationsAreForgotten() {
        let statistics = RequestStatistics()
        statistics.record(organization: self.acme, status: 200, latency: .milliseconds(5), at: self.at(minutes: 0))
        statistics.record(organization: self.globex, status: 200, latency: .milliseconds(5), at: self.at(minutes: 0))
        statistics.record(organization: self.acme, status: 200, latency: .milliseconds(5), at: self.at(minutes: 23 * 60))
        #expect(statistics.summary(for: self.acme, at: self.at(minutes: 23 * 60 + 59)).lastDay.requests == 2)
        #expect(statistics.summary(for: self.acme, at: self.at(minutes: 24 * 60)).lastDay.requests == 1)
        // A request a day later prunes globex, which has been idle for a day.
        statistics.record(organization: self.acme, status: 200, latency: .milliseconds(5), at: self.at(minutes: 24 * 60 + 1))
        #expect(statistics.trackedOrganizations == 1)
        #expect(statistics.summary(for: self.globex, at: self.at(minutes: 24 * 60 + 1)).lastDay.requests == 0)
    }

    @Test func anUnknownOrganizationHasEmptyWindows() {
        let summary = RequestStatistics().summary(for: self.acme, at: Self.start)
        #expect(summary.lastHour.requests == 0)
        #expect(summary.lastHour.errorRate == 0)
        #expect(summary.lastDay.p50 == nil)
    }
}
