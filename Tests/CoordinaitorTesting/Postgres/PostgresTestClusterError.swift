/// Why the integration tests have no PostgreSQL to run against. They fail rather than skip: a skipped backend is an
/// untested backend.
package struct PostgresTestClusterError: Error, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package static let notInstalled = PostgresTestClusterError(
        "PostgreSQL is not installed: apt-get install postgresql (or set POSTGRES_HOSTNAME to use a running server)."
    )

    package var description: String { self.message }
}
