import Foundation
import PostgresNIO

/// A PostgreSQL cluster that one test owns and may stop and start again (the shared ``PostgresTestCluster`` must stay
/// up for every other suite). Created with `initdb` on a free loopback port, like the throwaway cluster.
///
/// ```swift
/// let cluster = try await RestartablePostgresCluster.create()
/// defer { cluster.remove() }
/// try await cluster.stop()
/// try await cluster.start()
/// ```
package struct RestartablePostgresCluster: Sendable {
    package let port: Int
    private let pgCtl: String
    private let directory: URL
    private let dataDirectory: String
    private let serverOptions: String
    private let asPostgresUser: Bool

    /// Creates and starts the cluster (a few seconds).
    package static func create() async throws -> RestartablePostgresCluster {
        try await Self.blocking {
            guard let binaries = try ThrowawayCluster.binaryDirectory() else { throw PostgresTestClusterError.notInstalled }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-pg-own-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let asPostgresUser = geteuid() == 0
            if asPostgresUser { try TestProcess.run("/bin/chown", ["postgres:", directory.path]) }
            let dataDirectory = directory.appendingPathComponent("data").path
            try TestProcess.run(
                "\(binaries)/initdb",
                ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
                asPostgresUser: asPostgresUser
            )
            var started: RestartablePostgresCluster?
            _ = try ThrowawayCluster.startOnAFreePort { port in
                let cluster = RestartablePostgresCluster(
                    port: port,
                    pgCtl: "\(binaries)/pg_ctl",
                    directory: directory,
                    dataDirectory: dataDirectory,
                    serverOptions: "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40",
                    asPostgresUser: asPostgresUser
                )
                try cluster.startServer()
                started = cluster
            }
            guard let started else { throw PostgresTestClusterError("Could not start PostgreSQL on a free port.") }
            return started
        }
    }

    /// A client configuration for the `postgres` database with a pool of `maximumConnections`.
    package func configuration(maximumConnections: Int = 4) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: "127.0.0.1", port: self.port, username: "postgres", password: nil, database: "postgres", tls: .disable)
        configuration.options.maximumConnections = maximumConnections
        return configuration
    }

    /// Stops the server as an operator would (`pg_ctl stop -m fast`: sessions are ended, then it exits).
    package func stop() async throws {
        try await Self.blocking { try self.pgCtl(["-m", "fast", "-w", "stop"]) }
    }

    /// Starts the stopped server again on the same port.
    package func start() async throws {
        try await Self.blocking { try self.startServer() }
    }

    private func startServer() throws {
        try self.pgCtl(["-l", self.directory.appendingPathComponent("server.log").path, "-w", "-o", self.serverOptions, "start"])
    }

    /// Stops the server if it runs and removes its directory.
    package func remove() {
        _ = try? self.pgCtl(["-m", "immediate", "stop"])
        try? FileManager.default.removeItem(at: self.directory)
    }

    private func pgCtl(_ arguments: [String]) throws {
        try TestProcess.run(self.pgCtl, ["-D", self.dataDirectory] + arguments, asPostgresUser: self.asPostgresUser)
    }

    /// Runs `work` on a thread of its own: `initdb` and `pg_ctl` take seconds, too long to hold a cooperative thread.
    private static func blocking<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }
}
