/// A database URL that cannot be turned into a client configuration. The message never repeats the password.
package struct PostgresURLError: Error, Hashable, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String {
        "Invalid PostgreSQL URL: \(self.message) Expected postgres://user:password@host:port/database?sslmode=disable|prefer|require"
    }
}
