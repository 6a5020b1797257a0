import CoordinaitorDomain
import Synchronization

/// Forwards limit events to a publisher connected after construction: webhooks need the usage gate to be built, and
/// usage needs somewhere to send its events, so one side is wired late. Events before `connect` are dropped.
package final class UsageEventRelay: UsageEventPublisher {
    private let target = Mutex<(any UsageEventPublisher)?>(nil)

    package init() {}

    package func connect(_ publisher: any UsageEventPublisher) {
        self.target.withLock { $0 = publisher }
    }

    package func limitWarning(_ line: UsageReport.Line, in organization: Organization) {
        self.target.withLock { $0 }?.limitWarning(line, in: organization)
    }

    package func limitExceeded(_ error: LimitExceededError, in organization: Organization) {
        self.target.withLock { $0 }?.limitExceeded(error, in: organization)
    }
}
