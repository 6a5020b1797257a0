import CoordinaitorDomain
import Foundation
import Synchronization

/// Each organization's recent traffic on this node: request counts, errors and latency percentiles over the last hour
/// and the last day, for the organization's own dashboard (`GET /api/organizations/{id}/stats`).
///
/// Traffic is kept in slots: one per minute for the hour (60) and one per hour for the day (24), in rings, each with a
/// count of requests, of client errors (4xx), of server errors (5xx) and a ``LatencyBuckets`` histogram. A window
/// adds up its slots, so the "last hour" is the current minute and the 59 before it and the "last day" the current
/// hour and the 23 before it. Memory per organization is bounded whatever its traffic (about 30 KB when every slot is
/// in use); organizations without a request for a day are forgotten.
///
/// Figures are this node's only: behind a load balancer, each node knows the requests it served.
/// Time is passed in, never read here, so tests can move through windows.
package final class RequestStatistics: Sendable {
    /// One window's figures.
    package struct Window: Hashable, Sendable {
        package var requests: Int
        /// Answers with a 4xx status: refused by validation, authorization, limits or a missing resource.
        package var clientErrors: Int
        /// Answers with a 5xx status: failures of the server or of what it depends on.
        package var serverErrors: Int
        /// Nil without requests.
        package var p50: Duration?
        package var p95: Duration?

        package init(requests: Int = 0, clientErrors: Int = 0, serverErrors: Int = 0, p50: Duration? = nil, p95: Duration? = nil) {
            self.requests = requests
            self.clientErrors = clientErrors
            self.serverErrors = serverErrors
            self.p50 = p50
            self.p95 = p95
        }

        /// Server errors per request (0 without requests): the share the platform is answerable for. Client errors
        /// are reported apart because they mostly measure the callers.
        package var errorRate: Double { self.requests > 0 ? Double(self.serverErrors) / Double(self.requests) : 0 }
        package var clientErrorRate: Double { self.requests > 0 ? Double(self.clientErrors) / Double(self.requests) : 0 }
    }

    package struct Summary: Hashable, Sendable {
        package var lastHour: Window
        package var lastDay: Window
    }

    private struct Slot {
        /// Minutes or hours since 1970: which minute or hour the slot counts.
        var index: Int64
        var requests = 0
        var clientErrors = 0
        var serverErrors = 0
        var latency = LatencyBuckets()
    }

    /// A ring of slots, each at `index % count`: a slot is reused when its position comes round again.
    private struct Ring {
        var slots: [Slot?]

        init(count: Int) { self.slots = Array(repeating: nil, count: count) }

        mutating func record(at index: Int64, status: Int, latency: Duration) {
            let position = Int(index.remainderModulo(Int64(self.slots.count)))
            var slot = self.slots[position] ?? Slot(index: index)
            if slot.index < index { slot = Slot(index: index) }
            // A request that finished in a slot already reused for a later one (a clock step back) is left out.
            guard slot.index == index else { return }
            slot.requests += 1
            if (400..<500).contains(status) { slot.clientErrors += 1 }
            if status >= 500 { slot.serverErrors += 1 }
            slot.latency.record(latency)
            self.slots[position] = slot
        }

        /// The slots of the `count` units ending with `index`, added up.
        func window(endingAt index: Int64) -> Window {
            var window = Window()
            var latency = LatencyBuckets()
            for slot in self.slots.compactMap({ $0 }) where slot.index <= index && slot.index > index - Int64(self.slots.count) {
                window.requests += slot.requests
                window.clientErrors += slot.clientErrors
                window.serverErrors += slot.serverErrors
                latency.add(slot.latency)
            }
            window.p50 = latency.percentile(0.5)
            window.p95 = latency.percentile(0.95)
            return window
        }
    }

    private struct Traffic {
        var minutes = Ring(count: 60)
        var hours = Ring(count: 24)
        var lastMinute: Int64

        mutating func record(minute: Int64, hour: Int64, status: Int, latency: Duration) {
            self.minutes.record(at: minute, status: status, latency: latency)
            self.hours.record(at: hour, status: status, latency: latency)
            self.lastMinute = max(self.lastMinute, minute)
        }
    }

    private struct State {
        var organizations: [OrganizationID: Traffic] = [:]
        var lastPruneMinute: Int64 = .min
    }

    private static let minutesPerDay: Int64 = 24 * 60
    private let state = Mutex(State())

    package init() {}

    /// Counts one finished request of `organization`.
    package func record(organization: OrganizationID, status: Int, latency: Duration, at date: Date) {
        let minute = Self.minute(of: date)
        let hour = minute.dividedRoundingDown(by: 60)
        self.state.withLock { state in
            state.organizations[organization, default: Traffic(lastMinute: minute)].record(
                minute: minute, hour: hour, status: status, latency: latency)
            if minute >= state.lastPruneMinute &+ 60 {
                state.organizations = state.organizations.filter { $0.value.lastMinute > minute - Self.minutesPerDay }
                state.lastPruneMinute = minute
            }
        }
    }

    /// The organization's last hour and last day as of `date`; zeros for an organization this node has not served.
    package func summary(for organization: OrganizationID, at date: Date) -> Summary {
        let minute = Self.minute(of: date)
        let hour = minute.dividedRoundingDown(by: 60)
        guard let traffic = self.state.withLock({ $0.organizations[organization] }) else {
            return Summary(lastHour: Window(), lastDay: Window())
        }
        return Summary(lastHour: traffic.minutes.window(endingAt: minute), lastDay: traffic.hours.window(endingAt: hour))
    }

    /// Organizations with traffic in the last day (bounded memory is the point of the pruning).
    package var trackedOrganizations: Int { self.state.withLock { $0.organizations.count } }

    private static func minute(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / 60).rounded(.down))
    }
}

extension Int64 {
    /// The remainder in `0..<divisor`, also for negative values (times before 1970).
    fileprivate func remainderModulo(_ divisor: Int64) -> Int64 {
        let remainder = self % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }

    /// Division rounding towards minus infinity.
    fileprivate func dividedRoundingDown(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
