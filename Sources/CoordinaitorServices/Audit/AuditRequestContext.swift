import CoordinaitorDomain
import Synchronization

/// What the audit trail knows about the request being served, shared by the HTTP layer and the services below it.
///
/// The HTTP layer creates one per request and binds it as ``current`` around the whole request; authentication fills in
/// the actor and tenant resolution the organization as they become known. Services that record an event deep in a
/// call read it from there, so no service signature has to carry request facts. Outside a request (the CLI, background
/// services) there is none, and events are attributed to the system.
package final class AuditRequestContext: Sendable {
    @TaskLocal package static var current: AuditRequestContext?

    package let requestID: String
    package let ipAddress: String?
    package let userAgent: String?
    private let state = Mutex<(actor: AuditActor, organization: Organization?)>((.anonymous, nil))

    package init(requestID: String, ipAddress: String?, userAgent: String?) {
        self.requestID = requestID
        self.ipAddress = ipAddress
        self.userAgent = userAgent
    }

    package var actor: AuditActor {
        get { self.state.withLock { $0.actor } }
        set { self.state.withLock { $0.actor = newValue } }
    }

    /// The organization the request was resolved to (or authorized for), once known.
    package var organization: Organization? {
        get { self.state.withLock { $0.organization } }
        set { self.state.withLock { $0.organization = newValue } }
    }
}
