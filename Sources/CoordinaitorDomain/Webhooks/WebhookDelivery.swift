import FoundationEssentials

package enum WebhookDeliveryStatus: String, CaseIterable, Codable, Hashable, Sendable {
    /// Waiting for its first or next attempt (or being sent right now, under a lease).
    case pending
    /// A 2xx answer was received.
    case delivered
    /// Every attempt of the schedule failed, or the webhook was disabled.
    case failed
}

/// One event queued for one webhook: persisted before anything is sent, so a restart loses nothing.
package struct WebhookDelivery: Hashable, Sendable {
    /// What is kept of a receiver's answer or of a connection error: the first 1 KiB, never more.
    package static let maximumErrorLength = 1024

    package var id: WebhookDeliveryID
    package var organizationID: OrganizationID
    package var webhookID: WebhookID
    package var eventType: WebhookEventType
    package var eventID: WebhookEventID
    /// The JSON body, exactly as sent and signed.
    package var payload: String
    package var status: WebhookDeliveryStatus
    package var attempts: Int
    /// When the next attempt is due. While a dispatcher holds the delivery, the end of its lease.
    package var nextAttemptAt: Date
    package var lastStatusCode: Int?
    package var lastError: String?
    package var createdAt: Date
    package var deliveredAt: Date?

    package init(
        id: WebhookDeliveryID,
        organizationID: OrganizationID,
        webhookID: WebhookID,
        eventType: WebhookEventType,
        eventID: WebhookEventID,
        payload: String,
        status: WebhookDeliveryStatus,
        attempts: Int,
        nextAttemptAt: Date,
        lastStatusCode: Int?,
        lastError: String?,
        createdAt: Date,
        deliveredAt: Date?
    ) {
        self.id = id
        self.organizationID = organizationID
        self.webhookID = webhookID
        self.eventType = eventType
        self.eventID = eventID
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastStatusCode = lastStatusCode
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }

    /// A new delivery of `event` to `webhook`, due at once.
    package init(id: WebhookDeliveryID, event: WebhookEvent, payload: String, webhook: WebhookID, at time: Date) {
        self.init(
            id: id,
            organizationID: event.organizationID,
            webhookID: webhook,
            eventType: event.type,
            eventID: event.id,
            payload: payload,
            status: .pending,
            attempts: 0,
            nextAttemptAt: time,
            lastStatusCode: nil,
            lastError: nil,
            createdAt: time,
            deliveredAt: nil
        )
    }

    /// The delivery after one more attempt that ended with `outcome` at `time`: delivered on success; otherwise
    /// pending until the schedule's next attempt, or failed when the schedule is exhausted (or `final`).
    package func recording(_ outcome: WebhookAttemptOutcome, at time: Date, schedule: WebhookRetrySchedule) -> WebhookDelivery {
        var next = self
        next.attempts += 1
        next.lastStatusCode = outcome.statusCode
        next.lastError = outcome.error.map(Self.truncated)
        if outcome.succeeded {
            next.status = .delivered
            next.deliveredAt = time
            next.nextAttemptAt = time
        } else if !outcome.isFinal, let delay = schedule.delay(afterAttempt: next.attempts) {
            next.status = .pending
            next.nextAttemptAt = time.addingTimeInterval(delay)
        } else {
            next.status = .failed
            next.nextAttemptAt = time
        }
        return next
    }

    /// At most ``maximumErrorLength`` bytes of UTF-8, cut at a character boundary.
    package static func truncated(_ text: String) -> String {
        guard text.utf8.count > self.maximumErrorLength else { return text }
        var result = ""
        var bytes = 0
        for character in text {
            let size = character.utf8.count
            guard bytes + size <= self.maximumErrorLength else { break }
            result.append(character)
            bytes += size
        }
        return result
    }
}

/// How one attempt went.
package struct WebhookAttemptOutcome: Hashable, Sendable {
    /// The receiver's HTTP status, when it answered.
    package var statusCode: Int?
    /// What went wrong (or the start of the answer's body), when the attempt failed.
    package var error: String?
    /// Do not try again (the webhook is gone or disabled).
    package var isFinal: Bool

    package init(statusCode: Int?, error: String?, isFinal: Bool = false) {
        self.statusCode = statusCode
        self.error = error
        self.isFinal = isFinal
    }

    /// A 2xx answer is a delivery; anything else, including a redirect, is a failure.
    package var succeeded: Bool { !self.isFinal && self.error == nil && self.statusCode.map { (200...299).contains($0) } == true }

    package static func answered(_ statusCode: Int, body: String) -> WebhookAttemptOutcome {
        guard (200...299).contains(statusCode) else {
            let detail = body.isEmpty ? "" : ": \(body)"
            return WebhookAttemptOutcome(statusCode: statusCode, error: "The receiver answered \(statusCode)\(detail)")
        }
        return WebhookAttemptOutcome(statusCode: statusCode, error: nil)
    }

    package static func unreachable(_ error: String) -> WebhookAttemptOutcome {
        WebhookAttemptOutcome(statusCode: nil, error: error)
    }
}

/// What storage checks before inserting the deliveries a caller built for an event.
package enum WebhookDeliveryChecks {
    /// Throws unless every delivery belongs to `scope` and goes to one of `webhooks` (those read for it in scope).
    package static func check(_ deliveries: [WebhookDelivery], for webhooks: [Webhook], in scope: TenantScope) throws(ScopeMismatchError) {
        let known = Set(webhooks.map(\.id))
        for delivery in deliveries {
            try ScopeMismatchError.check(delivery.organizationID, in: scope)
            guard known.contains(delivery.webhookID) else {
                throw ScopeMismatchError(scope: scope, valueOrganizationID: delivery.organizationID)
            }
        }
    }
}
