import Foundation
import Synchronization

/// Where services get "now" from, so tests can pin or move time.
package protocol TimeSource: Sendable {
    /// The current time, truncated to whole milliseconds so that it round-trips exactly through every backend.
    func now() -> Date
}

/// The system's wall clock.
package struct SystemTimeSource: TimeSource {
    package init() {}

    package func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}

/// A settable clock for tests: it stays where it is put.
package final class ManualTimeSource: TimeSource {
    private let current: Mutex<Date>

    package init(_ start: Date) {
        self.current = Mutex(start)
    }

    package func now() -> Date { self.current.withLock { $0 } }

    package func advance(by seconds: TimeInterval) {
        self.current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
