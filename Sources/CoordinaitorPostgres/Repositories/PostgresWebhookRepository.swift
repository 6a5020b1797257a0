import CoordinaitorDomain
import Foundation
import PostgresNIO

struct PostgresWebhookRepository: WebhookRepository {
    let database: PostgresDatabase

    func create(in scope: TenantScope, _ webhook: Webhook, limits: UsageLimits) async throws -> Webhook {
        try ScopeMismatchError.check(webhook.organizationID, in: scope)
        let logger = self.database.logger
        let w = webhook
        try await PostgresConstraintViolation.mapping(resource: "webhook") {
            try await self.database.transaction { connection in
                _ = try await connection.rows(
                    """
                    INSERT INTO webhooks (organization_id, id, url, description, events, secret, active, created_at)
                    VALUES (
                        \(w.organizationID.uuid), \(w.id.uuid), \(w.url), \(w.description), \(w.storedEvents), \(w.secret),
                        \(w.active), \(MillisecondTimestamp(w.createdAt))
                    )
                    """,
                    logger: logger
                )
                try await PostgresUsageLedger.apply([UsageCharge(.webhooks, 1)], limits: limits, in: scope, on: connection, logger: logger)
            }
        }
        return webhook
    }

    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Webhook> {
        let cursor = try PostgresPage.cursor(page)
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresWebhookColumns.webhook) FROM webhooks
            WHERE organization_id = \(scope.organizationID.uuid)
              AND (\(cursor)::uuid IS NULL OR id < \(cursor))
            ORDER BY id DESC
            LIMIT \(PostgresPage.fetchLimit(page))
            """
        )
        return try PostgresPage.page(rows, for: page, decode: Webhook.init(postgresRow:), cursor: \.id.description)
    }

    func find(in scope: TenantScope, id: WebhookID) async throws -> Webhook? {
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresWebhookColumns.webhook) FROM webhooks
            WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
            """
        )
        return try rows.first.map(Webhook.init(postgresRow:))
    }

    func delete(in scope: TenantScope, id: WebhookID, limits: UsageLimits) async throws {
        let logger = self.database.logger
        let organizationID = scope.organizationID.uuid
        try await self.database.transaction { connection in
            try await PostgresTenantRows.lockForDelete(
                "SELECT 1 FROM webhooks WHERE organization_id = \(organizationID) AND id = \(id.uuid) FOR UPDATE",
                resource: WebhookKind.resourceName,
                on: connection,
                logger: logger
            )
            // The foreign key cascades too; deleting the deliveries first keeps the statement scoped and explicit.
            _ = try await connection.rows(
                "DELETE FROM webhook_deliveries WHERE organization_id = \(organizationID) AND webhook_id = \(id.uuid)",
                logger: logger
            )
            _ = try await connection.rows("DELETE FROM webhooks WHERE organization_id = \(organizationID) AND id = \(id.uuid)", logger: logger)
            try await PostgresUsageLedger.apply([UsageCharge(.webhooks, -1)], limits: limits, in: scope, on: connection, logger: logger)
        }
    }

    /// The webhooks are read `FOR KEY SHARE`: a concurrent delete of one waits until these deliveries are in, then
    /// removes them with it, instead of failing this insert on the foreign key.
    func enqueue(
        in scope: TenantScope,
        for type: WebhookEventType,
        _ build: @Sendable ([Webhook]) throws -> [WebhookDelivery]
    ) async throws -> [WebhookDelivery] {
        let logger = self.database.logger
        // Most organizations have no webhook: one plain query spares them a transaction.
        let probe = try await self.database.rows(
            "SELECT 1 FROM webhooks WHERE organization_id = \(scope.organizationID.uuid) AND active LIMIT 1")
        guard !probe.isEmpty else { return [] }
        return try await self.database.transaction { connection in
            let rows = try await connection.rows(
                """
                SELECT \(unescaped: PostgresWebhookColumns.webhook) FROM webhooks
                WHERE organization_id = \(scope.organizationID.uuid) AND active
                ORDER BY id
                FOR KEY SHARE
                """,
                logger: logger
            )
            let subscribed = try rows.map(Webhook.init(postgresRow:)).filter { $0.receives(type) }
            guard !subscribed.isEmpty else { return [] }
            let deliveries = try build(subscribed)
            try WebhookDeliveryChecks.check(deliveries, for: subscribed, in: scope)
            for d in deliveries {
                _ = try await connection.rows(
                    """
                    INSERT INTO webhook_deliveries (
                        organization_id, id, webhook_id, event_type, event_id, payload, status, attempts, next_attempt_at,
                        last_status_code, last_error, created_at, delivered_at
                    ) VALUES (
                        \(d.organizationID.uuid), \(d.id.uuid), \(d.webhookID.uuid), \(d.eventType.rawValue), \(d.eventID.uuid),
                        \(d.payload)::json, \(d.status.rawValue), \(d.attempts), \(MillisecondTimestamp(d.nextAttemptAt)),
                        \(d.lastStatusCode), \(d.lastError), \(MillisecondTimestamp(d.createdAt)),
                        \(d.deliveredAt.map(MillisecondTimestamp.init))
                    )
                    """,
                    logger: logger
                )
            }
            return deliveries
        }
    }

    /// One `UPDATE` over the due rows a subquery locks with `FOR UPDATE SKIP LOCKED`: concurrent claims (other nodes)
    /// skip rows another claim holds, and once it commits the rows are leased (not due), so no row is returned twice.
    func claimDue(now: Date, leaseUntil: Date, limit: Int) async throws -> [ClaimedWebhookDelivery] {
        guard limit > 0 else { return [] }
        let logger = self.database.logger
        return try await self.database.transaction { connection in
            let rows = try await connection.rows(
                """
                UPDATE webhook_deliveries AS d SET next_attempt_at = \(MillisecondTimestamp(leaseUntil))
                FROM (
                    SELECT organization_id, id FROM webhook_deliveries
                    WHERE status = 'pending' AND next_attempt_at <= \(MillisecondTimestamp(now))
                    ORDER BY next_attempt_at, id
                    LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED
                ) AS due
                WHERE d.organization_id = due.organization_id AND d.id = due.id
                RETURNING \(unescaped: Self.qualifiedDeliveryColumns)
                """,
                logger: logger
            )
            let deliveries = try rows.map(WebhookDelivery.init(postgresRow:)).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            guard !deliveries.isEmpty else { return [] }
            let pairs = Set(deliveries.map { [$0.organizationID.uuid, $0.webhookID.uuid] })
            let organizations = pairs.map { $0[0] }
            let ids = pairs.map { $0[1] }
            let webhookRows = try await connection.rows(
                """
                SELECT \(unescaped: PostgresWebhookColumns.webhook) FROM webhooks
                WHERE (organization_id, id) IN (SELECT * FROM unnest(\(organizations)::uuid[], \(ids)::uuid[]))
                """,
                logger: logger
            )
            var webhooks: [WebhookID: Webhook] = [:]
            for row in webhookRows {
                let webhook = try Webhook(postgresRow: row)
                webhooks[webhook.id] = webhook
            }
            // The foreign key keeps a delivery from outliving its webhook; nothing to send otherwise.
            return deliveries.compactMap { delivery in
                webhooks[delivery.webhookID].map { ClaimedWebhookDelivery(delivery: delivery, webhook: $0) }
            }
        }
    }

    func recordAttempt(in scope: TenantScope, _ delivery: WebhookDelivery) async throws -> Bool {
        try ScopeMismatchError.check(delivery.organizationID, in: scope)
        let d = delivery
        let rows = try await self.database.rows(
            """
            UPDATE webhook_deliveries SET
                status = \(d.status.rawValue), attempts = \(d.attempts), next_attempt_at = \(MillisecondTimestamp(d.nextAttemptAt)),
                last_status_code = \(d.lastStatusCode), last_error = \(d.lastError),
                delivered_at = \(d.deliveredAt.map(MillisecondTimestamp.init))
            WHERE organization_id = \(scope.organizationID.uuid) AND id = \(d.id.uuid)
              AND status = 'pending' AND attempts = \(d.attempts - 1)
            RETURNING id
            """
        )
        return !rows.isEmpty
    }

    func deliveries(in scope: TenantScope, webhookID: WebhookID, page: PageRequest) async throws -> Page<WebhookDelivery> {
        let cursor = try PostgresPage.cursor(page)
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresWebhookColumns.delivery) FROM webhook_deliveries
            WHERE organization_id = \(scope.organizationID.uuid) AND webhook_id = \(webhookID.uuid)
              AND (\(cursor)::uuid IS NULL OR id < \(cursor))
            ORDER BY id DESC
            LIMIT \(PostgresPage.fetchLimit(page))
            """
        )
        return try PostgresPage.page(rows, for: page, decode: WebhookDelivery.init(postgresRow:), cursor: \.id.description)
    }

    /// The delivery columns prefixed with the `UPDATE`'s alias, for `RETURNING` next to the subquery's columns.
    private static let qualifiedDeliveryColumns = """
        d.organization_id, d.id, d.webhook_id, d.event_type, d.event_id, d.payload::text AS payload, d.status, d.attempts, \
        d.next_attempt_at, d.last_status_code, d.last_error, d.created_at, d.delivered_at
        """
}
