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
    /// The actor as the audit log records it.
    package var auditActor: AuditActor

    package init(kind: Kind, principal: Principal, organizationID: OrganizationID, action: String, requestID: String) {
        self.kind = kind
        self.auditActor = AuditActor(principal)
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

/// Where security events go.
package protocol SecurityEventSink: Sendable {
    func record(_ event: SecurityEvent)
}

/// Records security events in the audit log and writes them to the log (`tenant:isolation`).
///
/// A refused cross-tenant attempt goes to the platform's chain and to the targeted organization's, so both the operator
/// and the organization's admins see it; a super admin's crossing likewise.
package struct AuditedSecurityEventSink: SecurityEventSink {
    private let trail: AuditTrail
    private let logger: Logger

    package init(trail: AuditTrail, logger: Logger) {
        self.trail = trail
        self.logger = logger.scoped(.tenantIsolation)
    }

    package func record(_ event: SecurityEvent) {
        let action: AuditAction = event.kind == .crossTenantDenied ? .crossTenantDenied : .superAdminCrossing
        let result: AuditResult = event.kind == .crossTenantDenied ? .denied : .success
        let metadata = ["attempted": event.action]
        let target = AuditTarget(event.organizationID)
        self.trail.record(action, in: nil, target: target, result: result, actor: event.auditActor, metadata: metadata)
        self.trail.record(action, in: event.organizationID, target: target, result: result, actor: event.auditActor, metadata: metadata)

        let logMetadata: Logger.Metadata = [
            "security.event": "\(event.kind.rawValue)",
            "actor": "\(event.actor)",
            "user.email": "\(event.actorEmail ?? "-")",
            "tenant.id": "\(event.organizationID)",
            "action": "\(event.action)",
            "hb.request.id": "\(event.requestID)",
        ]
        switch event.kind {
        case .crossTenantDenied: self.logger.warning("Cross-tenant access denied", metadata: logMetadata)
        case .superAdminCrossing: self.logger.notice("Super admin acting in another organization", metadata: logMetadata)
        }
    }
}
