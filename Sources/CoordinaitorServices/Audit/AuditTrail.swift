import CoordinaitorDomain
import Foundation

/// Where every part of the server records audit events. Recording never waits for the database: events go to the
/// bounded ``AuditQueue`` and ``AuditWriter`` writes them in batches.
package struct AuditTrail: Sendable {
    private let queue: AuditQueue
    private let time: any TimeSource
    private let ids: any IdentifierSource

    package init(queue: AuditQueue, time: any TimeSource, ids: any IdentifierSource) {
        self.queue = queue
        self.time = time
        self.ids = ids
    }

    /// Records `action` in `organization`'s chain (nil: the platform's), attributed to the current request's actor,
    /// address, user agent and request id, or to the system outside a request.
    package func record(
        _ action: AuditAction,
        in organization: OrganizationID?,
        target: AuditTarget? = nil,
        result: AuditResult = .success,
        actor: AuditActor? = nil,
        metadata: [String: String] = [:]
    ) {
        let request = AuditRequestContext.current
        let now = self.time.now()
        let event = AuditEvent(
            id: self.ids.make(AuditEventKind.self, at: now),
            organizationID: organization,
            occurredAt: now,
            actor: actor ?? request?.actor ?? .system,
            action: action,
            target: target,
            result: result,
            ipAddress: request?.ipAddress,
            userAgent: request?.userAgent,
            requestID: request?.requestID,
            metadata: metadata
        )
        self.queue.enqueue(event)
    }

    /// Queues an event built elsewhere (the HTTP layer builds API-call events itself).
    package func record(_ event: AuditEvent) {
        self.queue.enqueue(event)
    }

    /// A new event id, for callers that build events themselves.
    package func makeEventID() -> AuditEventID {
        self.ids.make(AuditEventKind.self, at: self.time.now())
    }

    /// Returns once every event queued before the call is written (or could not be). For tests and shutdown.
    package func flush() async {
        await self.queue.flush()
    }
}
