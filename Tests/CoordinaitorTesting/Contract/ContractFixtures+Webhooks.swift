import CoordinaitorDomain
import Foundation

extension ContractFixtures {
    package static func webhook(
        _ path: String,
        in organization: Organization,
        events: Set<WebhookEventType> = [.taskCreated],
        active: Bool = true
    ) -> Webhook {
        Webhook(
            id: TestIDs.next(),
            organizationID: organization.id,
            url: "https://hooks.example.com/\(path)?q='quoted'",
            description: path.isEmpty ? nil : "Receives \(path) — ünïcode",
            events: events,
            secret: "whsec_" + String(repeating: "ab", count: 32),
            active: active,
            createdAt: TestDates.at(60)
        )
    }

    /// A builder for ``WebhookRepository/enqueue(in:for:_:)``: one delivery per webhook it is given, due at `time`.
    package static func deliveries(of type: WebhookEventType, in organization: Organization, at time: Date) -> @Sendable ([Webhook]) -> [WebhookDelivery] {
        let event = WebhookEvent(
            id: TestIDs.next(), organizationID: organization.id, type: type, data: .object(["n": .number(1)]), occurredAt: time)
        return { webhooks in
            webhooks.map { webhook in
                WebhookDelivery(id: TestIDs.next(), event: event, payload: #"{"type":"\#(type.rawValue)","data":{"n":1}}"#, webhook: webhook.id, at: time)
            }
        }
    }
}
