import Foundation
import PostgresNIO
import Synchronization

/// A PostgreSQL cluster in a temporary directory that lives as long as the test process.
package enum ThrowawayCluster {
    private struct Running: Sendable {
        var pgCtl: String
        var directory: URL
        var dataDirectory: String
    }

    /// What the exit handler stops and removes. A global because `atexit` takes a C function that cannot capture.
    private static let running = Mutex<Running?>(nil)

    /// Creates, starts and registers the cluster for removal at exit; returns its port.
    static func start() throws -> Int {
        guard let binaries = try self.binaryDirectory() else { throw PostgresTestClusterError.notInstalled }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let asPostgresUser = geteuid() == 0
        if asPostgresUser {
            try TestProcess.run("/bin/chown", ["postgres:", directory.path])
        }
        let dataDirectory = directory.appendingPathComponent("data").path
        let pgCtl = "\(binaries)/pg_ctl"

        try TestProcess.run(
            "\(binaries)/initdb",
            ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
            asPostgresUser: asPostgresUser
        )
        self.running.withLock { $0 = Running(pgCtl: pgCtl, directory: directory, dataDirectory: dataDirectory) }
        atexit { ThrowawayCluster.stop() }

        // fsync off and many connections: the data is thrown away, and parallel tests each open a pool.
        return try self.startOnAFreePort { port in
            let serverOptions = "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300"
            try TestProcess.run(
                pgCtl,
                ["-D", dataDirectory, "-l", directory.appendingPathComponent("server.log").path, "-w", "-o", serverOptions, "start"],
                asPostgresUser: asPostgresUser
            )
        }
    }

    /// Calls `start` with a free port, and again with another one if it fails: the port is only free when picked, and
    /// another test's server or client socket may take it before PostgreSQL binds it.
    package static func startOnAFreePort(attempts: Int = 5, _ start: (Int) throws -> Void) throws -> Int {
        var lastError: (any Error)?
        for _ in 0..<attempts {
            let port = try self.freePort()
            do {
                try start(port)
                return port
            } catch {
                lastError = error
            }
        }
        throw lastError ?? PostgresTestClusterError("Could not start PostgreSQL on a free port.")
    }

    /// Stops the server without waiting for clients and removes its directory.
    private static func stop() {
        guard let running = self.running.withLock({ $0.take() }) else { return }
        _ = try? TestProcess.run(running.pgCtl, ["-D", running.dataDirectory, "-m", "immediate", "stop"], asPostgresUser: geteuid() == 0)
        try? FileManager.default.removeItem(at: running.directory)
    }

    /// The directory holding `initdb` and `pg_ctl`: `PATH` first, then the newest `/usr/lib/postgresql/*/bin`.
    static func binaryDirectory() throws -> String? {
        if let initdb = try TestProcess.find("initdb"), FileManager.default.isExecutableFile(atPath: "\((initdb as NSString).deletingLastPathComponent)/pg_ctl") {
            return (initdb as NSString).deletingLastPathComponent
        }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.sorted { $0.compare($1, options: .numeric) == .orderedDescending }
            .map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }

    /// A loopback port nothing listens on right now.
    static func freePort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0)
            .wait()
        defer { try? channel.close().wait() }
        guard let port = channel.localAddress?.port else { throw PostgresTestClusterError("Could not find a free port.") }
        return port
    }
}
