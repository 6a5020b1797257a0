import Foundation
import PostgresNIO

extension PostgresDataStore {
    /// Parses `postgres://user:password@host:port/database?sslmode=…` (or `postgresql://`) into a client configuration.
    ///
    /// The port defaults to 5432. `sslmode` may be `disable`, `prefer` (the default, as in libpq), `require`, or
    /// `verify-full`; `require` and `verify-full` both verify the server's certificate.
    ///
    /// ```swift
    /// let configuration = try PostgresDataStore.configuration(url: "postgres://app:secret@db:5432/coordinaitor?sslmode=require")
    /// ```
    /// - Throws: ``PostgresURLError`` naming what is missing or wrong.
    package static func configuration(url: String) throws(PostgresURLError) -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url) else { throw PostgresURLError("The value is not a URL.") }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw PostgresURLError("The scheme must be postgres:// or postgresql://.")
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresURLError("The host is missing.") }
        guard let username = components.user, !username.isEmpty else { throw PostgresURLError("The user name is missing.") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw PostgresURLError("The path must name exactly one database, as in /coordinaitor.")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw PostgresURLError("The port must be from 1 to 65535.") }

        var configuration = PostgresClient.Configuration(
            host: host,
            port: port,
            username: username,
            password: components.password,
            database: database,
            tls: try Self.tls(sslMode: components.queryItems?.last { $0.name == "sslmode" }?.value)
        )
        configuration.options.tlsServerName = host
        return configuration
    }

    private static func tls(sslMode: String?) throws(PostgresURLError) -> PostgresClient.Configuration.TLS {
        switch sslMode?.lowercased() {
        case "disable": .disable
        case nil, "prefer", "allow": .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": .require(.makeClientConfiguration())
        case .some(let other): throw PostgresURLError("Unknown sslmode '\(other)'.")
        }
    }
}
