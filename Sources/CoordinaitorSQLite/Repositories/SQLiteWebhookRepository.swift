import CoordinaitorDomain
import Foundation
import SQLiteNIO

struct SQLiteWebhookRepository: WebhookRepository {
    private static let table = Webhook.sqliteTable
    private static let deliveries = WebhookDelivery.sqliteTable
    let connections: SQLiteConnections
    /// Spares the events of organizations without webhooks a read each (this store makes every webhook it serves).
    let absence = SQLiteWebhookAbsence()

    func create(in scope: TenantScope, _ webhook: Webhook, limits: UsageLimits) async throws -> Webhook {
        try ScopeMismatchError.check(webhook.organizationID, in: scope)
        // Also when the write fails: it may have committed before its error.
        defer { self.absence.forget(scope.organizationID) }
        try await SQLiteConstraintViolation.mapConflicts(resource: "webhook") {
            try await self.connections.write { transaction in
                try transaction.query(Self.table.insertSQL, webhook.sqliteValues())
                try SQLiteUsageLedger.apply([UsageCharge(.webhooks, 1)], limits: limits, in: scope, transaction: transaction)
            }
        }
        return webhook
    }

    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Webhook> {
        var query = SQLiteListQuery(Self.table)
        query.filter("organization_id", equals: .id(scope.organizationID))
        return try await query.fetch(page, on: self.connections, decode: Webhook.init(sqliteRow:), cursor: \.id.description)
    }

    func find(in scope: TenantScope, id: WebhookID) async throws -> Webhook? {
        let rows = try await self.connections.read { try $0.query(Self.table.findSQL, [.id(scope.organizationID), .id(id)]) }
        return try rows.first.map(Webhook.init(sqliteRow:))
    }

    func delete(in scope: TenantScope, id: WebhookID, limits: UsageLimits) async throws {
        try await self.connections.write { transaction in
            // The foreign key cascades too; deleting the deliveries first keeps the statement scoped and explicit.
            try transaction.query(
                "DELETE FROM \(Self.deliveries.name) WHERE organization_id = ? AND webhook_id = ?",
                [.id(scope.organizationID), .id(id)]
            )
            try SQLiteTenantRows.delete(from: Self.table, scope: scope, id: id, transaction: transaction)
            try SQLiteUsageLedger.apply([UsageCharge(.webhooks, -1)], limits: limits, in: scope, transaction: transaction)
        }
    }

    func enqueue(
        in scope: TenantScope,
        for type: WebhookEventType,
        _ build: @Sendable ([Webhook]) throws -> [WebhookDelivery]
    ) async throws -> [WebhookDelivery] {
        // Most organizations have no webhook: what this store knows of that, or else a read on a reader connection,
        // spares them the single writer.
        guard case .unknown(let generation) = self.absence.lookup(scope.organizationID) else { return [] }
        let probe = "SELECT 1 FROM \(Self.table.name) WHERE organization_id = ? AND active = 1 LIMIT 1"
        guard try await !self.connections.read({ try $0.query(probe, [.id(scope.organizationID)]) }).isEmpty else {
            self.absence.remember(scope.organizationID, generation: generation)
            return []
        }
        let sql = "SELECT \(Self.table.selectList) FROM \(Self.table.name) WHERE organization_id = ? AND active = 1 ORDER BY id"
        return try await self.connections.write { transaction in
            let webhooks = try transaction.query(sql, [.id(scope.organizationID)]).map(Webhook.init(sqliteRow:))
            let subscribed = webhooks.filter { $0.receives(type) }
            guard !subscribed.isEmpty else { return [] }
            let deliveries = try build(subscribed)
            try WebhookDeliveryChecks.check(deliveries, for: subscribed, in: scope)
            for delivery in deliveries {
                try transaction.query(Self.deliveries.insertSQL, delivery.sqliteValues())
            }
            return deliveries
        }
    }

    /// One `UPDATE … RETURNING` over the due rows picked by a subquery: the single writer serializes claims, so two
    /// dispatchers can never both move the same row's `next_attempt_at` from due to leased.
    func claimDue(now: Date, leaseUntil: Date, limit: Int) async throws -> [ClaimedWebhookDelivery] {
        guard limit > 0 else { return [] }
        let claimSQL = """
            UPDATE \(Self.deliveries.name) SET next_attempt_at = ?
            WHERE rowid IN (
                SELECT rowid FROM \(Self.deliveries.name)
                WHERE status = 'pending' AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id
                LIMIT ?
            )
            RETURNING \(Self.deliveries.selectList)
            """
        return try await self.connections.write { transaction in
            let rows = try transaction.query(claimSQL, [.date(leaseUntil), .date(now), .integer(SQLiteInt64(limit))])
            let deliveries = try rows.map(WebhookDelivery.init(sqliteRow:)).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
            var webhooks: [WebhookID: Webhook] = [:]
            var claimed: [ClaimedWebhookDelivery] = []
            for delivery in deliveries {
                if webhooks[delivery.webhookID] == nil {
                    let scope = TenantScope(organizationID: delivery.organizationID)
                    if let row = try SQLiteTenantRows.find(in: Self.table, scope: scope, id: delivery.webhookID, transaction: transaction) {
                        webhooks[delivery.webhookID] = try Webhook(sqliteRow: row)
                    }
                }
                // The foreign key keeps a delivery from outliving its webhook; nothing to send otherwise.
                if let webhook = webhooks[delivery.webhookID] { claimed.append(ClaimedWebhookDelivery(delivery: delivery, webhook: webhook)) }
            }
            return claimed
        }
    }

    func recordAttempt(in scope: TenantScope, _ delivery: WebhookDelivery) async throws -> Bool {
        try ScopeMismatchError.check(delivery.organizationID, in: scope)
        let sql = """
            UPDATE \(Self.deliveries.name) SET
                status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?, delivered_at = ?
            WHERE organization_id = ? AND id = ? AND status = 'pending' AND attempts = ?
            RETURNING id
            """
        let binds: [SQLiteData] = [
            .raw(delivery.status), .integer(SQLiteInt64(delivery.attempts)), .date(delivery.nextAttemptAt),
            delivery.lastStatusCode.map { .integer(SQLiteInt64($0)) } ?? .null, .text(delivery.lastError), .date(delivery.deliveredAt),
            .id(scope.organizationID), .id(delivery.id), .integer(SQLiteInt64(delivery.attempts - 1)),
        ]
        return try await !self.connections.write { try $0.query(sql, binds) }.isEmpty
    }

    func deliveries(in scope: TenantScope, webhookID: WebhookID, page: PageRequest) async throws -> Page<WebhookDelivery> {
        var query = SQLiteListQuery(Self.deliveries)
        query.filter("organization_id", equals: .id(scope.organizationID))
        query.filter("webhook_id", equals: .id(webhookID))
        return try await query.fetch(page, on: self.connections, decode: WebhookDelivery.init(sqliteRow:), cursor: \.id.description)
    }
}
