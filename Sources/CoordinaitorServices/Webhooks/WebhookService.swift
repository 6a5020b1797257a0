import CoordinaitorDomain
import Foundation
import Logging

/// Registering webhooks (a professional-tier feature, counted against the `webhooks` limit) and queuing events for them.
package struct WebhookService: Sendable {
    package static let secretPrefix = "whsec_"

    private let webhooks: any WebhookRepository
    private let time: any TimeSource
    private let ids: any IdentifierSource
    private let gate: UsageGate
    private let allowPrivateTargets: Bool
    private let logger: Logger
    /// Signalled when deliveries are queued, so the dispatcher sends them at once.
    package let wake: WakeSignal
    private let audit: AuditTrail

    package init(
        webhooks: any WebhookRepository,
        time: any TimeSource,
        ids: any IdentifierSource,
        gate: UsageGate,
        allowPrivateTargets: Bool = false,
        wake: WakeSignal = WakeSignal(),
        audit: AuditTrail,
        logger: Logger
    ) {
        self.audit = audit
        self.webhooks = webhooks
        self.time = time
        self.ids = ids
        self.gate = gate
        self.allowPrivateTargets = allowPrivateTargets
        self.wake = wake
        self.logger = logger
    }

    /// A new webhook and its signing secret, which is never shown again.
    package struct Created: Sendable {
        package var webhook: Webhook
        package var secret: String
    }

    /// - Throws: ``FeatureNotAvailableError`` below the professional tier; ``ValidationError`` naming `url`, `events` or
    ///   `description`; ``LimitExceededError`` when the plan's webhooks are all taken.
    package func create(in organization: Organization, _ draft: NewWebhook) async throws -> Created {
        try organization.plan.require(.webhooks)
        let now = self.time.now()
        let scope = TenantScope(organization)
        let secret = Self.secretPrefix + APIKeyService.randomHex(bytes: 32)
        let webhook = try draft.webhook(
            id: self.ids.make(WebhookKind.self, at: now), in: scope, secret: secret, at: now, allowPrivateTargets: self.allowPrivateTargets)
        let stored = try await self.gate.charging(organization) { try await self.webhooks.create(in: scope, webhook, limits: $0) }
        // Only the host: a receiver's URL often carries its own secret in the path or query.
        self.audit.record(
            .webhookCreated, in: organization.id, target: AuditTarget(type: WebhookKind.resourceName, id: stored.id.description),
            metadata: ["host": URLComponents(string: stored.url)?.host ?? "", "events": stored.events.map(\.rawValue).sorted().joined(separator: ",")]
        )
        return Created(webhook: stored, secret: secret)
    }

    /// Listing, reading and deleting work on any tier, so an organization that moved down can still clean up.
    package func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Webhook> {
        try await self.webhooks.list(in: scope, page: page)
    }

    package func get(in scope: TenantScope, id: WebhookID) async throws -> Webhook {
        guard let webhook = try await self.webhooks.find(in: scope, id: id) else { throw ResourceError.notFound(WebhookKind.resourceName) }
        return webhook
    }

    /// Deletes the webhook and its deliveries, and frees its slot.
    package func delete(in scope: TenantScope, id: WebhookID) async throws {
        try await self.gate.releasing(scope.organizationID) { try await self.webhooks.delete(in: scope, id: id, limits: $0) }
        self.audit.record(.webhookDeleted, in: scope.organizationID, target: AuditTarget(type: WebhookKind.resourceName, id: id.description))
    }

    /// Deliveries of a webhook, newest first. - Throws: `webhook_not_found` when it is not in scope.
    package func deliveries(in scope: TenantScope, webhookID: WebhookID, page: PageRequest) async throws -> Page<WebhookDelivery> {
        _ = try await self.get(in: scope, id: webhookID)
        return try await self.webhooks.deliveries(in: scope, webhookID: webhookID, page: page)
    }

    /// Queues `type` with `data` for every active webhook of the organization that subscribes to it, and wakes the
    /// dispatcher. Never throws: an event that cannot be queued is logged, and the caller's request goes on.
    @discardableResult
    package func publish(_ type: WebhookEventType, in scope: TenantScope, data: JSONValue) async -> [WebhookDelivery] {
        let now = self.time.now()
        let event = WebhookEvent(
            id: self.ids.make(WebhookEventKind.self, at: now), organizationID: scope.organizationID, type: type, data: data, occurredAt: now)
        do {
            let ids = self.ids
            let queued = try await self.webhooks.enqueue(in: scope, for: type) { subscribed in
                // Encoded only when a webhook subscribes: most organizations have none, and most events go nowhere.
                let payload = try event.payload()
                return subscribed.map { WebhookDelivery(id: ids.make(WebhookDeliveryKind.self, at: now), event: event, payload: payload, webhook: $0.id, at: now) }
            }
            if !queued.isEmpty { self.wake.signal() }
            return queued
        } catch {
            self.logger.error(
                "Could not queue a webhook event; it is lost",
                metadata: ["organization.id": "\(scope.organizationID)", "webhook.event": "\(type.rawValue)", "error": "\(String(reflecting: error))"]
            )
            return []
        }
    }
}
