import CoordinaitorDomain
import Foundation
import Testing

@Suite("Webhook retry schedule and delivery state")
struct WebhookDeliveryTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func makeDelivery() -> WebhookDelivery {
        let event = WebhookEvent(
            id: WebhookEventID(UUID()), organizationID: OrganizationID(UUID()), type: .taskCreated, data: .object([:]), occurredAt: self.start)
        return WebhookDelivery(id: WebhookDeliveryID(UUID()), event: event, payload: "{}", webhook: WebhookID(UUID()), at: self.start)
    }

    @Test func theStandardScheduleBacksOffExponentiallyUpToItsCap() {
        let schedule = WebhookRetrySchedule.standard
        #expect(schedule.maximumAttempts == 8)
        #expect(schedule.delays == [10, 30, 90, 270, 810, 2430, 3600])
        #expect(schedule.delay(afterAttempt: 0) == nil)
        #expect(schedule.delay(afterAttempt: 8) == nil)
        let capped = WebhookRetrySchedule(maximumAttempts: 20, initialDelay: 1, multiplier: 2, maximumDelay: 60)
        #expect(capped.delays.prefix(8) == [1, 2, 4, 8, 16, 32, 60, 60])
        #expect(capped.delays.count == 19)
        #expect(capped.delays.allSatisfy { $0 <= 60 })
    }

    @Test func failuresAreRetriedOnScheduleThenGiveUp() {
        let schedule = WebhookRetrySchedule(maximumAttempts: 3, initialDelay: 10, multiplier: 3, maximumDelay: 3600)
        var delivery = self.makeDelivery()
        var now = self.start
        delivery = delivery.recording(.answered(500, body: "oops"), at: now, schedule: schedule)
        #expect(delivery.status == .pending)
        #expect(delivery.attempts == 1)
        #expect(delivery.lastStatusCode == 500)
        #expect(delivery.lastError == "The receiver answered 500: oops")
        #expect(delivery.nextAttemptAt == now.addingTimeInterval(10))

        now = delivery.nextAttemptAt
        delivery = delivery.recording(.unreachable("connection refused"), at: now, schedule: schedule)
        #expect(delivery.status == .pending)
        #expect(delivery.lastStatusCode == nil)
        #expect(delivery.nextAttemptAt == now.addingTimeInterval(30))

        now = delivery.nextAttemptAt
        delivery = delivery.recording(.answered(302, body: ""), at: now, schedule: schedule)
        #expect(delivery.status == .failed)
        #expect(delivery.attempts == 3)
        #expect(delivery.deliveredAt == nil)
    }

    @Test func a2xxAnswerDelivers() {
        let delivery = self.makeDelivery().recording(.answered(204, body: ""), at: self.start.addingTimeInterval(1), schedule: .standard)
        #expect(delivery.status == .delivered)
        #expect(delivery.deliveredAt == self.start.addingTimeInterval(1))
        #expect(delivery.lastError == nil)
        #expect(delivery.attempts == 1)
    }

    @Test func aFinalFailureIsNotRetried() {
        let outcome = WebhookAttemptOutcome(statusCode: nil, error: "The webhook is disabled.", isFinal: true)
        let delivery = self.makeDelivery().recording(outcome, at: self.start, schedule: .standard)
        #expect(delivery.status == .failed)
    }

    @Test func storedErrorsKeepTheFirstKibibyteOnly() {
        let long = String(repeating: "é", count: 1000)
        let delivery = self.makeDelivery().recording(.answered(500, body: long), at: self.start, schedule: .standard)
        let stored = delivery.lastError ?? ""
        #expect(stored.utf8.count <= WebhookDelivery.maximumErrorLength)
        #expect(stored.utf8.count >= WebhookDelivery.maximumErrorLength - 1)
        #expect(stored.hasPrefix("The receiver answered 500: éé"))
    }

    @Test func thePayloadIsOneStableDocument() throws {
        let organization = OrganizationID(UUID())
        let id = WebhookEventID(UUID())
        let event = WebhookEvent(
            id: id, organizationID: organization, type: .memberAdded, data: .object(["userId": .string("u/1")]), occurredAt: self.start)
        let payload = try event.payload()
        #expect(payload == #"{"createdAt":"2027-01-15T08:00:00.000Z","data":{"userId":"u/1"},"id":"\#(id)","organizationId":"\#(organization)","type":"member.added"}"#)
        #expect(try event.payload() == payload)
    }
}
