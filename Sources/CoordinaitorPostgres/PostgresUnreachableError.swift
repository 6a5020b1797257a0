/// The database did not answer a readiness check in time. The pool keeps retrying in the background; this only says
/// that, right now, the store cannot serve.
package struct PostgresUnreachableError: Error, Hashable, Sendable, CustomStringConvertible {
    package var timeout: Duration

    package init(timeout: Duration) {
        self.timeout = timeout
    }

    package var description: String { "PostgreSQL did not answer within \(self.timeout)." }
}
