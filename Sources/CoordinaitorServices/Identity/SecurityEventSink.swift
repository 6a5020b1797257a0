import CoordinaitorDomain
import Logging

/// A security-relevant access decision: a refused cross-tenant attempt or a super admin acting in another organization.
package struct SecurityEvent: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case crossTenantDenied = "access.cross_tenant_denied"
        case superAdminCrossing = "access.super_admin_crossing"
    }

    package var kind: Kind
    /// `user:<id>` or `api_key:<prefix>`.
    package var actor: String
    /// The user's email, for people reading the log.
    package var actorEmail: String?
    /// The organization that was targeted.
    package var organizationID: OrganizationID
    /// What was attempted, such as `GET /api/tasks`.
    package var action: String
    package var requestID: String

    package init(kind: Kind, principal: Principal, organizationID: OrganizationID, action: String, requestID: String) {
        self.kind = kind
        switch principal {
        case .user(let user):
            self.actor = "user:\(user.id)"
            self.actorEmail = user.email
        case .apiKey(let key):
            self.actor = "api_key:\(key.prefix)"
            self.actorEmail = nil
        }
        self.organizationID = organizationID
        self.action = action
        self.requestID = requestID
    }
}

/// Where security events go. The audit log will make them durable; until then they are logged.
package protocol SecurityEventSink: Sendable {
    func record(_ event: SecurityEvent)
}

/// Writes security events to the log: refusals as warnings, super-admin crossings as notices.
package struct LoggingSecurityEventSink: SecurityEventSink {
    private let logger: Logger

    package init(logger: Logger) {
        self.logger = logger.scoped(.tenantIsolation)
    }

    package func record(_ event: SecurityEvent) {
        let metadata: Logger.Metadata = [
            "security.event": "\(event.kind.rawValue)",
            "actor": "\(event.actor)",
            "user.email": "\(event.actorEmail ?? "-")",
            "tenant.id": "\(event.organizationID)",
            "action": "\(event.action)",
            "hb.request.id": "\(event.requestID)",
        ]
        switch event.kind {
        case .crossTenantDenied: self.logger.warning("Cross-tenant access denied", metadata: metadata)
        case .superAdminCrossing: self.logger.notice("Super admin acting in another organization", metadata: metadata)
        }
    }
}
