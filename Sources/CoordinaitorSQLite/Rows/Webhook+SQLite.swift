import CoordinaitorDomain
import SQLiteNIO

extension Webhook {
    static let sqliteTable = SQLiteTable(
        name: "webhooks",
        keyColumns: ["organization_id", "id"],
        valueColumns: ["url", "description", "events", "secret", "active", "created_at"]
    )

    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = SQLiteRowReader(row, table: Self.sqliteTable.name)
        let stored = try reader.string("events")
        guard let events = Self.events(fromStored: stored) else {
            throw SQLiteStoredValueError(table: Self.sqliteTable.name, column: "events", reason: "unknown event in '\(stored)'")
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

    /// Values in ``SQLiteTable/columns`` order.
    func sqliteValues() -> [SQLiteData] {
        [
            .id(self.organizationID), .id(self.id), .text(self.url), .text(self.description), .text(self.storedEvents),
            .text(self.secret), .bool(self.active), .date(self.createdAt),
        ]
    }
}

extension WebhookDelivery {
    static let sqliteTable = SQLiteTable(
        name: "webhook_deliveries",
        keyColumns: ["organization_id", "id"],
        valueColumns: [
            "webhook_id", "event_type", "event_id", "payload", "status", "attempts", "next_attempt_at", "last_status_code",
            "last_error", "created_at", "delivered_at",
        ]
    )

    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = SQLiteRowReader(row, table: Self.sqliteTable.name)
        let statusCode: Int? = (row.column("last_status_code")?.isNull ?? true) ? nil : try reader.int("last_status_code")
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
            lastStatusCode: statusCode,
            lastError: try reader.optionalString("last_error"),
            createdAt: try reader.date("created_at"),
            deliveredAt: try reader.optionalDate("delivered_at")
        )
    }

    /// Values in ``SQLiteTable/columns`` order.
    func sqliteValues() -> [SQLiteData] {
        [
            .id(self.organizationID), .id(self.id), .id(self.webhookID), .raw(self.eventType), .id(self.eventID),
            .text(self.payload), .raw(self.status), .integer(SQLiteInt64(self.attempts)), .date(self.nextAttemptAt),
            self.lastStatusCode.map { .integer(SQLiteInt64($0)) } ?? .null, .text(self.lastError), .date(self.createdAt),
            .date(self.deliveredAt),
        ]
    }
}
