import Logging
import PostgresNIO
import ServiceLifecycle

/// Watches PostgreSQL over a connection of its own (never a pool lease) and owns ``PostgresHealth``'s "down" flag.
///
/// Every `upInterval` while the database is up (at once when a query lost its connection or the probe connection
/// closes), and every `downInterval` while it is down, the monitor runs `SELECT 1` on its connection, reconnecting when
/// needed. The database is down only when that reconnect is refused, times out, or is turned away because the server
/// is shutting down or starting up; any other answer, however slow, means the server is there. Going down fails the
/// calls that wait for a pool lease at once (see ``PostgresHealth/withConnection(from:_:)``); the pool itself is left
/// alone and reconnects by itself once the database is back.
///
/// A `Service`: it ends, closing its connection, when graceful shutdown begins or its task is cancelled.
package struct PostgresHealthMonitor: Service {
    let health: PostgresHealth
    let probe: PostgresConnection.Configuration
    let upInterval: Duration
    let downInterval: Duration
    let logger: Logger
    /// How often the monitor looks at the flags between probes.
    private static let tick: Duration = .milliseconds(100)

    init(
        health: PostgresHealth,
        probe: PostgresConnection.Configuration,
        upInterval: Duration = .seconds(5),
        downInterval: Duration = .milliseconds(500),
        logger: Logger
    ) {
        self.health = health
        self.probe = probe
        self.upInterval = upInterval
        self.downInterval = downInterval
        self.logger = logger
    }

    package func run() async {
        await cancelWhenGracefulShutdown { await self.watch() }
    }

    private func watch() async {
        var connection: PostgresConnection?
        while !Task.isCancelled {
            connection = await self.probe(on: connection)
            let interval = self.health.isDown ? self.downInterval : self.upInterval
            var waited: Duration = .zero
            while waited < interval, !Task.isCancelled, !self.health.takeProbeRequest() {
                try? await Task.sleep(for: Self.tick)
                waited += Self.tick
            }
        }
        try? await connection?.close()
    }

    /// Runs one probe and updates the flag; returns the connection to reuse next time, if any.
    ///
    /// A failure on the kept connection alone decides nothing (the server may have closed just that one): the verdict
    /// comes from a fresh connection.
    private func probe(on existing: PostgresConnection?) async -> PostgresConnection? {
        if let existing, !existing.isClosed {
            do {
                try await self.ping(existing)
                self.markUp()
                return existing
            } catch {
                try? await existing.close()
            }
        }
        var fresh: PostgresConnection?
        do {
            let connection = try await self.connect()
            fresh = connection
            try await self.ping(connection)
            self.markUp()
            return connection
        } catch {
            try? await fresh?.close()
            if PostgresConnectionLoss.matches(error) {
                self.markDown(error)
            } else {
                // The server answered (a refused login, too many connections…): it is there.
                self.logger.warning("PostgreSQL health probe failed", metadata: ["error": "\(String(reflecting: error))"])
                self.markUp()
            }
            return nil
        }
    }

    /// `SELECT 1`; cancelling the task closes the connection, so a probe never outlives a shutdown.
    private func ping(_ connection: PostgresConnection) async throws {
        _ = try await withTaskCancellationHandler {
            try await connection.checkedQuery("SELECT 1", logger: self.logger)
        } onCancel: {
            connection.close().whenComplete { _ in }
        }
    }

    private func connect() async throws -> PostgresConnection {
        let connection = try await PostgresConnection.connect(configuration: self.probe, id: 0, logger: self.logger)
        // The server closing the probe connection (a shutdown, a restart) is news: look again at the next tick.
        let health = self.health
        connection.closeFuture.whenComplete { _ in health.requestProbe() }
        return connection
    }

    private func markDown(_ error: any Error) {
        guard self.health.markDown() else { return }
        self.logger.error("PostgreSQL is down; answering 503 until it is back", metadata: ["error": "\(String(reflecting: error))"])
    }

    private func markUp() {
        guard self.health.markUp() else { return }
        self.logger.notice("PostgreSQL answers again")
    }
}
