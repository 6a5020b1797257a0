/// What happened, as `resource.verb` (such as `task.created`) or `access.<decision>`.
///
/// A struct rather than an enum so the catalog can grow without breaking stored rows: an action read back from the
/// database is kept as written even when this version does not know it.
package struct AuditAction: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, Comparable, CustomStringConvertible {
    package let rawValue: String

    package init(rawValue: String) {
        self.rawValue = rawValue
    }

    package init(stringLiteral value: String) {
        self.rawValue = value
    }

    package var description: String { self.rawValue }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Access decisions and credential changes: written promptly and kept apart in the logs.
    package var isSecurityRelevant: Bool {
        self.rawValue.hasPrefix("access.") || self.rawValue.hasPrefix("auth.") || self.rawValue.hasPrefix("api_key.")
            || self.rawValue.hasPrefix("member.") || self.rawValue.hasPrefix("organization.")
    }
}

extension AuditAction {
    // API calls: one per authenticated or attempted API request.
    package static let apiRequest: Self = "api.request"

    // Access decisions.
    package static let unauthenticated: Self = "access.unauthenticated"
    package static let crossTenantDenied: Self = "access.cross_tenant_denied"
    package static let inactiveTenant: Self = "access.inactive_tenant"
    /// A tenant route whose request named no organization, or named one wrongly (`tenant_not_found`, `invalid_tenant_id`,
    /// `tenant_header_required`): probing shows up here even with `AUDIT_API_REQUESTS=false`.
    package static let tenantUnresolved: Self = "access.tenant_unresolved"
    /// A request whose path had a `.` or `..` segment (`invalid_path`), refused before routing: recorded in the
    /// platform's log whatever the path, since such a path is written by hand.
    package static let invalidPath: Self = "access.invalid_path"
    package static let permissionDenied: Self = "access.permission_denied"
    package static let featureDenied: Self = "access.feature_denied"
    package static let rateLimited: Self = "access.rate_limited"
    package static let superAdminCrossing: Self = "access.super_admin_crossing"

    // Limits.
    package static let limitWarning: Self = "limit.warning"
    package static let limitExceeded: Self = "limit.exceeded"

    // Accounts and sign-in (platform chain).
    package static let userSignedUp: Self = "auth.signed_up"
    package static let userSignedIn: Self = "auth.signed_in"
    package static let signInFailed: Self = "auth.sign_in_failed"
    package static let userCreated: Self = "user.created"

    // Organizations.
    package static let organizationCreated: Self = "organization.created"
    package static let organizationUpdated: Self = "organization.updated"
    package static let organizationSettingsChanged: Self = "organization.settings_changed"
    package static let organizationTierChanged: Self = "organization.tier_changed"
    package static let organizationStatusChanged: Self = "organization.status_changed"
    package static let organizationPlanOverridesChanged: Self = "organization.plan_overrides_changed"
    package static let organizationCancelled: Self = "organization.cancelled"
    package static let organizationPurged: Self = "organization.purged"
    package static let organizationUsageReconciled: Self = "organization.usage_reconciled"

    // Members, invitations, API keys.
    package static let memberAdded: Self = "member.added"
    package static let memberRoleChanged: Self = "member.role_changed"
    package static let memberRemoved: Self = "member.removed"
    package static let ownershipTransferred: Self = "member.ownership_transferred"
    package static let invitationCreated: Self = "invitation.created"
    package static let invitationRevoked: Self = "invitation.revoked"
    package static let invitationAccepted: Self = "invitation.accepted"
    package static let apiKeyCreated: Self = "api_key.created"
    package static let apiKeyRevoked: Self = "api_key.revoked"

    // Resources.
    package static let projectCreated: Self = "project.created"
    package static let projectUpdated: Self = "project.updated"
    package static let projectDeleted: Self = "project.deleted"
    package static let agentCreated: Self = "agent.created"
    package static let agentUpdated: Self = "agent.updated"
    package static let agentDeleted: Self = "agent.deleted"
    package static let taskCreated: Self = "task.created"
    /// Many tasks created at once through the bulk path; the metadata gives how many.
    package static let tasksImported: Self = "task.imported"
    package static let taskUpdated: Self = "task.updated"
    package static let taskDeleted: Self = "task.deleted"
    package static let artifactStored: Self = "artifact.stored"
    package static let artifactDeleted: Self = "artifact.deleted"
    package static let webhookCreated: Self = "webhook.created"
    package static let webhookDeleted: Self = "webhook.deleted"

    // The audit log itself.
    package static let auditExported: Self = "audit.exported"
    package static let auditPruned: Self = "audit.pruned"
}
