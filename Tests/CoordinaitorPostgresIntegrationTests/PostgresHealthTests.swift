@testable import CoordinaitorPostgres
import CoordinaitorDomain
import Testing

/// The outage flag and the registry of calls waiting for a lease, without a database: every admitted call learns of
/// an outage exactly once, whichever comes first, and none is left behind.
@Suite("PostgreSQL health flag")
struct PostgresHealthTests {
    @Test func anOutageBeforeTheWaitIsNotMissed() async throws {
        let health = PostgresHealth()
        let ticket = try health.admit()
        #expect(health.markDown())
        #expect(await health.awaitLease(ticket) == .outage)
        health.settle(ticket)
        #expect(health.pendingCalls == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func anOutageWakesACallThatWaits() async throws {
        let health = PostgresHealth()
        let ticket = try health.admit()
        async let outcome = health.awaitLease(ticket)
        // Until the wait has registered its continuation, markDown decides the ticket instead: both paths end in .outage.
        try await Task.sleep(for: .milliseconds(50))
        #expect(health.markDown())
        #expect(await outcome == .outage)
        #expect(health.pendingCalls == 0)
    }

    @Test func aSettledCallIgnoresALaterOutage() async throws {
        let health = PostgresHealth()
        let ticket = try health.admit()
        health.settle(ticket)
        #expect(health.markDown())
        #expect(await health.awaitLease(ticket) == .settled)
        #expect(health.pendingCalls == 0)
    }

    @Test func whileDownNothingIsAdmittedAndUpAdmitsAgain() async throws {
        let health = PostgresHealth()
        #expect(health.markDown())
        #expect(!health.markDown())
        #expect(throws: StoreUnavailableError.self) { _ = try health.admit() }
        #expect(health.pendingCalls == 0)
        #expect(health.markUp())
        #expect(!health.markUp())
        let ticket = try health.admit()
        health.settle(ticket)
        #expect(await health.awaitLease(ticket) == .settled)
        #expect(health.pendingCalls == 0)
    }
}
