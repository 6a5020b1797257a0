import Foundation
import PostgresNIO

extension PostgresDataStore {
    /// The health monitor's own connection for the same URL as ``configuration(url:)``: the same server, user, database
    /// and `sslmode`, with a short connect timeout (a refused or timed-out connect is what marks the database down).
    package static func probeConfiguration(url: String) throws(PostgresURLError) -> PostgresConnection.Configuration {
        let pool = try Self.configuration(url: url)
        let sslMode = URLComponents(string: url)?.queryItems?.last { $0.name == "sslmode" }?.value?.lowercased()
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch sslMode {
            case "disable": tls = .disable
            case "require", "verify-ca", "verify-full": tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            default: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw PostgresURLError("TLS could not be set up: \(error).")
        }
        var probe = PostgresConnection.Configuration(
            host: pool.host ?? "localhost",
            port: pool.port ?? 5432,
            username: pool.username,
            password: pool.password,
            database: pool.database,
            tls: tls
        )
        probe.options.tlsServerName = pool.options.tlsServerName
        probe.options.connectTimeout = PostgresConnection.Configuration.probeConnectTimeout
        return probe
    }
}

extension PostgresConnection.Configuration {
    /// How long the health probe waits for a new connection before it counts the database as down.
    static let probeConnectTimeout: TimeAmount = .seconds(3)
}
