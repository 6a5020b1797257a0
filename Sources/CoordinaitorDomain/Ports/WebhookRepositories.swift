import FoundationEssentials

/// Webhooks and their deliveries are tenant-owned: every method but the dispatcher's ``claimDue(now:leaseUntil:limit:)``
/// takes the scope first and filters on it. Deleting a webhook deletes its deliveries.
package protocol WebhookRepository: Sendable {
    /// Stores the webhook and counts it (`webhooks`) within `limits` in the same transaction.
    /// - Throws: ``UsageLimitReachedError`` when the organization has no webhook slot left (nothing is written);
    ///   ``ScopeMismatchError`` when the webhook belongs to another organization.
    func create(in scope: TenantScope, _ webhook: Webhook, limits: UsageLimits) async throws -> Webhook
    /// Webhooks of the organization, newest first.
    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Webhook>
    func find(in scope: TenantScope, id: WebhookID) async throws -> Webhook?
    /// Deletes the webhook with its deliveries and frees its slot, in one transaction.
    /// - Throws: ``ResourceError`` `.notFound` (resource `webhook`) when there is no such webhook in scope.
    func delete(in scope: TenantScope, id: WebhookID, limits: UsageLimits) async throws

    /// Queues an event, in one transaction: reads the active webhooks of the organization subscribed to `type`, hands
    /// them to `deliveries` (a pure function that builds one delivery per webhook) and inserts what it returns.
    /// Returns the inserted deliveries; none when nothing subscribes.
    /// - Throws: ``ScopeMismatchError`` when a built delivery names another organization or a webhook it was not given.
    func enqueue(
        in scope: TenantScope,
        for type: WebhookEventType,
        _ deliveries: @Sendable ([Webhook]) throws -> [WebhookDelivery]
    ) async throws -> [WebhookDelivery]

    /// For the dispatcher, across organizations: up to `limit` pending deliveries due at `now` (earliest first), each
    /// with its webhook, leased to the caller: their `nextAttemptAt` becomes `leaseUntil` in the same statement that
    /// selects them, so a concurrent claim (another node) never returns the same delivery while the lease runs. A
    /// dispatcher that dies mid-send leaves them to be claimed again when the lease ends.
    func claimDue(now: Date, leaseUntil: Date, limit: Int) async throws -> [ClaimedWebhookDelivery]

    /// Writes the outcome of an attempt (status, attempts, next attempt, last status code and error, delivery time),
    /// only if the stored delivery is still pending with one attempt fewer: the state it was claimed in. Returns
    /// whether it was written (false when the webhook was deleted meanwhile or another dispatcher got there first).
    func recordAttempt(in scope: TenantScope, _ delivery: WebhookDelivery) async throws -> Bool

    /// Deliveries of one webhook, newest first; empty when the webhook is not in scope.
    func deliveries(in scope: TenantScope, webhookID: WebhookID, page: PageRequest) async throws -> Page<WebhookDelivery>
}

/// A delivery claimed for sending, with the webhook it goes to (its URL and signing secret).
package struct ClaimedWebhookDelivery: Hashable, Sendable {
    package var delivery: WebhookDelivery
    package var webhook: Webhook

    package init(delivery: WebhookDelivery, webhook: Webhook) {
        self.delivery = delivery
        self.webhook = webhook
    }
}
