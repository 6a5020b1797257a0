/// The database cannot serve right now: it is down, restarting or unreachable.
///
/// Callers answer "try again shortly" rather than "internal error": the store recovers by itself once the database is
/// back. A write that failed this way was rolled back, unless the connection broke while its commit was in flight.
package struct StoreUnavailableError: Error, Hashable, Sendable, CustomStringConvertible {
    package var reason: String

    package init(_ reason: String) {
        self.reason = reason
    }

    package var description: String { "The database is unavailable: \(self.reason)." }
}
