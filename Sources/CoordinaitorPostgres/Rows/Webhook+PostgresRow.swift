import CoordinaitorDomain
import PostgresNIO

/// Select lists of the webhook tables, constant text spliced into queries with `unescaped:`.
enum PostgresWebhookColumns {
    static let webhook = "organization_id, id, url, description, events, secret, active, created_at"

    static let delivery = """
        organization_id, id, webhook_id, event_type, event_id, payload::text AS payload, status, attempts, next_attempt_at, \
        last_status_code, last_error, created_at, delivered_at
        """
}

extension Webhook {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "webhooks")
        let stored = try reader.string("events")
        guard let events = Self.events(fromStored: stored) else {
            throw PostgresStoredValueError(table: "webhooks", column: "events", reason: "unknown event in '\(stored)'")
        }
        self.init(
            id: try reader.id("id"),
            organizationID: try reader.id("organization_id"),
            url: try reader.string("url"),
            description: try reader.optionalString("description"),
            events: events,
            secret: try reader.string("secret"),
            active: try reader.bool("active"),
            createdAt: try reader.date("created_at")
        )
    }
}

extension WebhookDelivery {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "webhook_deliveries")
        self.init(
            id: try reader.id("id"),
            organizationID: try reader.id("organization_id"),
            webhookID: try reader.id("webhook_id"),
            eventType: try reader.value("event_type"),
            eventID: try reader.id("event_id"),
            payload: try reader.string("payload"),
            status: try reader.value("status"),
            attempts: try reader.int("attempts"),
            nextAttemptAt: try reader.date("next_attempt_at"),
            lastStatusCode: try row.makeRandomAccess()["last_status_code"].decode(Int?.self),
            lastError: try reader.optionalString("last_error"),
            createdAt: try reader.date("created_at"),
            deliveredAt: try reader.optionalDate("delivered_at")
        )
    }
}
