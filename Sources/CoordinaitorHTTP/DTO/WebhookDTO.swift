import CoordinaitorDomain
import Foundation

/// A webhook as the API shows it: never its secret.
struct WebhookResponse: Encodable, Sendable {
    var id: String
    var organizationId: String
    var url: String
    var description: String?
    var events: [String]
    var active: Bool
    var createdAt: String

    init(_ webhook: Webhook) {
        self.id = webhook.id.description
        self.organizationId = webhook.organizationID.description
        self.url = webhook.url
        self.description = webhook.description
        self.events = webhook.events.sorted().map(\.rawValue)
        self.active = webhook.active
        self.createdAt = Timestamp.format(webhook.createdAt)
    }
}

/// The response to creating a webhook: the only time its signing secret is shown.
struct CreatedWebhookResponse: Encodable, Sendable {
    var webhook: WebhookResponse
    var secret: String
}

struct WebhookListResponse: Encodable, Sendable {
    var webhooks: [WebhookResponse]
    var nextCursor: String?
}

/// One delivery: its state and the last attempt's outcome (the payload stays on the server).
struct WebhookDeliveryResponse: Encodable, Sendable {
    var id: String
    var webhookId: String
    var eventId: String
    var eventType: String
    var status: String
    var attempts: Int
    /// When the next attempt is due; only while pending.
    var nextAttemptAt: String?
    var lastStatusCode: Int?
    var lastError: String?
    var createdAt: String
    var deliveredAt: String?

    init(_ delivery: WebhookDelivery) {
        self.id = delivery.id.description
        self.webhookId = delivery.webhookID.description
        self.eventId = delivery.eventID.description
        self.eventType = delivery.eventType.rawValue
        self.status = delivery.status.rawValue
        self.attempts = delivery.attempts
        self.nextAttemptAt = delivery.status == .pending ? Timestamp.format(delivery.nextAttemptAt) : nil
        self.lastStatusCode = delivery.lastStatusCode
        self.lastError = delivery.lastError
        self.createdAt = Timestamp.format(delivery.createdAt)
        self.deliveredAt = Timestamp.format(delivery.deliveredAt)
    }
}

struct WebhookDeliveryListResponse: Encodable, Sendable {
    var deliveries: [WebhookDeliveryResponse]
    var nextCursor: String?
}

struct CreateWebhookRequest: Decodable {
    static let fields: Set<String> = ["url", "events", "description"]
    var draft: NewWebhook

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let url = try container.decode(String.self, forKey: "url")
        // Unknown names are reported against `events` itself, with the names that are allowed.
        let names = try container.decode([String].self, forKey: "events")
        let unknown = names.filter { WebhookEventType(rawValue: $0) == nil }
        guard unknown.isEmpty else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: container.codingPath + [AnyKey(stringValue: "events")],
                    debugDescription: "Unknown event \(unknown.map { "'\($0)'" }.joined(separator: ", ")). Must be among: \(WebhookEventType.names)."
                )
            )
        }
        self.draft = NewWebhook(
            url: url,
            events: Set(names.compactMap(WebhookEventType.init(rawValue:))),
            description: try container.decodeIfPresent(String.self, forKey: "description")
        )
    }
}
