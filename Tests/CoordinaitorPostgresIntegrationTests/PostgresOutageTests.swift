@testable import CoordinaitorPostgres
import CoordinaitorDomain
import CoordinaitorTesting
import PostgresNIO
import Testing

/// PostgreSQL stopped under a running pool: calls fail promptly with StoreUnavailableError (the HTTP layer's 503),
/// calls that were waiting for a connection fail too, and the same pool serves again by itself once the database is
/// back. A busy pool is not an outage.
@Suite("PostgreSQL outage")
struct PostgresOutageTests {
    @Test(.timeLimit(.minutes(2)))
    func aBusyPoolWaitsAndAStoppedDatabaseAnswersUnavailableUntilItIsBack() async throws {
        let cluster = try await RestartablePostgresCluster.create()
        defer { cluster.remove() }
        let logger = testLogger()
        // One connection, so that a second call has to wait for the first.
        let configuration = cluster.configuration(maximumConnections: 1)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let health = PostgresHealth()
        let monitor = PostgresHealthMonitor(
            health: health, probe: PostgresDataStore.probe(for: configuration), upInterval: .seconds(1), logger: logger)
        let database = PostgresDatabase(client: client, health: health, logger: logger)
        let clock = ContinuousClock()

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            group.addTask { await monitor.run() }
            defer { group.cancelAll() }
            _ = try await database.rows("SELECT 1")

            // Busy: a call waits 2 s for the only connection, and gets it; the database never counts as down.
            let (holding, holds) = AsyncStream<Void>.makeStream()
            async let holder: Void = database.transaction { connection in
                holds.yield()
                _ = try await connection.rows("SELECT pg_sleep(2)", logger: logger)
            }
            for await _ in holding { break }
            let waited = try await clock.measure { _ = try await database.rows("SELECT 1") }
            _ = try await holder
            #expect(waited >= .seconds(1), "the second call waited \(waited)")
            #expect(!health.isDown)

            // Down: the connection in use is lost, and the call waiting in the pool for it fails within a few
            // seconds rather than when the pool gives up (a minute).
            let (losing, loses) = AsyncStream<Void>.makeStream()
            async let lost = Self.outcome {
                try await database.transaction { connection in
                    loses.yield()
                    _ = try await connection.rows("SELECT pg_sleep(30)", logger: logger)
                }
            }
            for await _ in losing { break }
            // The lost call's ticket is settled and gone, so the one left below is the waiting call's.
            try await Self.until(clock: clock) { health.pendingCalls == 0 }
            async let waiting = Self.outcome { _ = try await database.rows("SELECT 1") }
            // Admitted and not yet leased: it waits in the pool (a loaded machine may take a while to get there).
            try await Self.until(clock: clock) { health.pendingCalls == 1 }
            try await Task.sleep(for: .milliseconds(200))
            let stoppedAt = clock.now
            try await cluster.stop()
            let (lostOutcome, waitingOutcome) = await (lost, waiting)
            #expect(lostOutcome.error is StoreUnavailableError, "the lost call threw \(Self.describe(lostOutcome.error))")
            #expect(waitingOutcome.error is StoreUnavailableError, "the waiting call threw \(Self.describe(waitingOutcome.error))")
            #expect(waitingOutcome.at - stoppedAt < .seconds(10), "the waiting call ended \(waitingOutcome.at - stoppedAt) after the stop began")
            // The waiting call ends either through the monitor's verdict or on the closed connection the pool lent it
            // before it saw the close; the verdict comes from the monitor's own probe either way.
            try await Self.until(clock: clock) { health.isDown }

            // While down: every call fails at once, before it asks the pool for anything, and leaves nothing behind.
            for _ in 0..<5 {
                let elapsed = await clock.measure {
                    await #expect(throws: StoreUnavailableError.self) { _ = try await database.rows("SELECT 1") }
                }
                #expect(elapsed < .seconds(1), "a call took \(elapsed) while the database was down")
            }
            #expect(health.pendingCalls == 0)

            // Back: the same pool serves again within a few seconds, with nothing restarted.
            try await cluster.start()
            let startedAt = clock.now
            var served = false
            while !served, clock.now - startedAt < .seconds(20) {
                served = (try? await database.rows("SELECT 1")) != nil
                if !served { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(served, "not served again within 20 s of the database coming back")
            #expect(!health.isDown)
            #expect(health.pendingCalls == 0)
        }
    }

    /// The lease-wait path on its own, with the database up: the monitor's verdict (given here by hand) fails a call
    /// waiting for the only connection at once, and never interrupts the call that holds it.
    @Test(.timeLimit(.minutes(1)))
    func anOutageFailsWaitingCallsAndLeavesCallsOnAConnectionAlone() async throws {
        let logger = testLogger()
        let cluster = try PostgresTestCluster.shared()
        var configuration = cluster.configuration(database: cluster.maintenanceDatabase)
        configuration.options.maximumConnections = 1
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let health = PostgresHealth()
        let database = PostgresDatabase(client: client, health: health, logger: logger)
        let clock = ContinuousClock()

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            let (holding, holds) = AsyncStream<Void>.makeStream()
            async let holder = Self.outcome {
                try await database.transaction { connection in
                    holds.yield()
                    // Long enough that a waiter the verdict failed to cancel would still be waiting at the bound below,
                    // even when the machine is loaded and tasks are slow to be scheduled.
                    _ = try await connection.rows("SELECT pg_sleep(5)", logger: logger)
                }
            }
            for await _ in holding { break }
            try await Self.until(clock: clock) { health.pendingCalls == 0 }
            async let waiting = Self.outcome { _ = try await database.rows("SELECT 1") }
            try await Self.until(clock: clock) { health.pendingCalls == 1 }
            let markedAt = clock.now
            #expect(health.markDown())
            let waitingOutcome = await waiting
            #expect(waitingOutcome.error is StoreUnavailableError, "the waiting call threw \(Self.describe(waitingOutcome.error))")
            #expect(waitingOutcome.at - markedAt < .seconds(2), "the waiting call ended \(waitingOutcome.at - markedAt) after the verdict")
            let holderOutcome = await holder
            #expect(holderOutcome.error == nil, "the call holding the connection threw \(Self.describe(holderOutcome.error))")
            #expect(health.pendingCalls == 0)
            // Up again: the same pool serves at once (it never lost its connection).
            #expect(health.markUp())
            _ = try await database.rows("SELECT 1")
        }
    }

    /// Waits until `condition` holds, for at most 20 s (a loaded machine is slow, a broken one is not waited for).
    private static func until(clock: ContinuousClock, _ condition: () -> Bool) async throws {
        let start = clock.now
        while !condition() {
            try #require(clock.now - start < .seconds(20), "a condition did not come true within 20 s")
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    private static func describe(_ error: (any Error)?) -> String {
        error.map { String(reflecting: $0) } ?? "nothing"
    }

    /// When a call ended and with which error, if any.
    private static func outcome(_ call: () async throws -> Void) async -> (error: (any Error)?, at: ContinuousClock.Instant) {
        do {
            _ = try await call()
            return (nil, ContinuousClock.now)
        } catch {
            return (error, ContinuousClock.now)
        }
    }
}
