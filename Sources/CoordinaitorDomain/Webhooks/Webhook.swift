import FoundationEssentials

/// An endpoint of an organization that receives the events it subscribes to, signed with its secret.
///
/// The secret itself is stored, not a hash: every delivery is signed with it (HMAC-SHA256), so the server must be
/// able to read it. It is shown once, in the response to the creation, and never returned again.
package struct Webhook: Hashable, Sendable {
    package var id: WebhookID
    package var organizationID: OrganizationID
    package var url: String
    package var description: String?
    package var events: Set<WebhookEventType>
    /// The signing key (`whsec_` and 64 hex digits).
    package var secret: String
    /// Inactive webhooks receive nothing; deliveries already queued for them fail without being sent.
    package var active: Bool
    package var createdAt: Date

    package init(
        id: WebhookID,
        organizationID: OrganizationID,
        url: String,
        description: String?,
        events: Set<WebhookEventType>,
        secret: String,
        active: Bool,
        createdAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.url = url
        self.description = description
        self.events = events
        self.secret = secret
        self.active = active
        self.createdAt = createdAt
    }

    /// Whether an event of `type` is queued for this webhook.
    package func receives(_ type: WebhookEventType) -> Bool { self.active && self.events.contains(type) }

    /// Events are stored as their sorted names joined by commas: one spelling per set.
    package var storedEvents: String { self.events.sorted().map(\.rawValue).joined(separator: ",") }

    /// The inverse of ``storedEvents``; nil when a name is unknown (a corrupt row).
    package static func events(fromStored text: String) -> Set<WebhookEventType>? {
        var events: Set<WebhookEventType> = []
        for name in text.split(separator: ",") {
            guard let event = WebhookEventType(rawValue: String(name)) else { return nil }
            events.insert(event)
        }
        return events
    }
}

/// What a client asks for when registering a webhook.
package struct NewWebhook: Hashable, Sendable {
    package var url: String
    package var events: Set<WebhookEventType>
    package var description: String?

    package init(url: String, events: Set<WebhookEventType>, description: String? = nil) {
        self.url = url
        self.events = events
        self.description = description
    }

    /// Validates the draft (every problem at once) and builds the webhook.
    /// - Throws: ``ValidationError`` naming `url`, `events` or `description`.
    package func webhook(
        id: WebhookID,
        in scope: TenantScope,
        secret: String,
        at time: Date,
        allowPrivateTargets: Bool
    ) throws(ValidationError) -> Webhook {
        var collector = ValidationCollector()
        var url = self.url.trimmed
        do {
            url = try WebhookTarget(validating: self.url, allowPrivateTargets: allowPrivateTargets).url
        } catch {
            for issue in error.issues { collector.add(field: issue.field, issue.message) }
        }
        collector.check(!self.events.isEmpty, field: "events", "Give at least one of: \(WebhookEventType.names).")
        let description = self.description?.trimmed
        TextRules.checkDescription(description, into: &collector)
        try collector.throwIfAny()
        return Webhook(
            id: id,
            organizationID: scope.organizationID,
            url: url,
            description: description.flatMap { $0.isEmpty ? nil : $0 },
            events: self.events,
            secret: secret,
            active: true,
            createdAt: time
        )
    }
}
