import FoundationEssentials

/// One occurrence of an event in an organization, and the JSON body every delivery of it sends:
///
/// ```json
/// {"createdAt":"2026-01-05T10:00:00.000Z","data":{…},"id":"<event id>","organizationId":"…","type":"task.created"}
/// ```
package struct WebhookEvent: Hashable, Sendable {
    package var id: WebhookEventID
    package var organizationID: OrganizationID
    package var type: WebhookEventType
    package var data: JSONValue
    package var occurredAt: Date

    package init(id: WebhookEventID, organizationID: OrganizationID, type: WebhookEventType, data: JSONValue, occurredAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.type = type
        self.data = data
        self.occurredAt = occurredAt
    }

    /// The body, as compact JSON with sorted keys: built once and stored with each delivery, so that every attempt
    /// sends (and signs) exactly the same bytes.
    package func payload() throws -> String {
        let envelope: JSONValue = .object([
            "id": .string(self.id.description),
            "type": .string(self.type.rawValue),
            "organizationId": .string(self.organizationID.description),
            "createdAt": .string(self.occurredAt.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))),
            "data": self.data,
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(envelope), as: UTF8.self)
    }
}
