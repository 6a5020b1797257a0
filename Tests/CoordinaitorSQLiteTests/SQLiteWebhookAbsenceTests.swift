import CoordinaitorDomain
import CoordinaitorSQLite
import Foundation
import Testing

/// What the SQLite store remembers of organizations without webhooks never hides a webhook created through it.
@Suite("SQLite webhook absence")
struct SQLiteWebhookAbsenceTests {
    let acme = OrganizationID(UUID())
    let globex = OrganizationID(UUID())

    @Test func anAbsenceIsRememberedPerOrganizationUntilAWebhookIsCreated() {
        let absence = SQLiteWebhookAbsence()
        guard case .unknown(let generation) = absence.lookup(self.acme) else {
            Issue.record("nothing was read yet")
            return
        }
        absence.remember(self.acme, generation: generation)
        #expect(absence.lookup(self.acme) == .absent)
        #expect(absence.lookup(self.globex) != .absent)
        absence.forget(self.acme)
        #expect(absence.lookup(self.acme) != .absent)
    }

    @Test func anAbsenceReadWhileAWebhookWasCreatedIsNotKept() {
        let absence = SQLiteWebhookAbsence()
        guard case .unknown(let generation) = absence.lookup(self.acme) else {
            Issue.record("nothing was read yet")
            return
        }
        // The read found no webhook, but a creation committed before it was remembered.
        absence.forget(self.acme)
        absence.remember(self.acme, generation: generation)
        #expect(absence.lookup(self.acme) != .absent)
    }

    @Test func anAbsenceExpires() {
        let absence = SQLiteWebhookAbsence()
        let start = ContinuousClock.now
        guard case .unknown(let generation) = absence.lookup(self.acme, now: start) else {
            Issue.record("nothing was read yet")
            return
        }
        absence.remember(self.acme, generation: generation, now: start)
        #expect(absence.lookup(self.acme, now: start + .seconds(4)) == .absent)
        #expect(absence.lookup(self.acme, now: start + SQLiteWebhookAbsence.lifetime) != .absent)
    }
}
