import CoordinaitorDomain
import CoordinaitorHTTP

/// What a route asks of its caller, written down once for every registered route; the role matrix and the isolation
/// matrix both read it, and a route missing here fails both.
enum RouteRequirement: Sendable {
    /// Needs no identity.
    case open
    /// Needs `METRICS_TOKEN` when the server has one (no user or API key holds it); open otherwise.
    case metricsToken
    /// Any signed-in user.
    case signedIn
    /// Any member of the organization, whatever the role.
    case member
    /// A permission in the organization.
    case permission(Permission)
    /// The organization's owner: a super admin from outside has no ownership to hand over.
    case owner
    /// A platform super admin.
    case superAdmin

    /// Whether `role` passes authorization in its own organization.
    func allows(_ role: Role) -> Bool {
        switch self {
        case .open, .metricsToken, .signedIn, .member: true
        case .permission(let permission): role.permissions.contains(permission)
        case .owner: role == .owner
        case .superAdmin: false
        }
    }

    /// Whether an API key with every scope passes authorization in its own organization.
    var allowsAPIKeys: Bool {
        guard case .permission(let permission) = self else { return false }
        return APIKeyScope.allCases.contains { $0.permissions.contains(permission) }
    }

    static let table: [String: RouteRequirement] = [
        "GET /health": .open, "GET /ready": .open, "GET /openapi.json": .open, "GET /metrics": .metricsToken,
        "POST /api/auth/signup": .open, "POST /api/auth/login": .open, "GET /api/auth/me": .signedIn,
        "POST /api/invitations/accept": .signedIn,
        "GET /api/organizations": .signedIn, "POST /api/organizations": .signedIn,
        "GET /api/organizations/{id}": .member,
        "PATCH /api/organizations/{id}": .permission(.manageSettings),
        "DELETE /api/organizations/{id}": .permission(.deleteOrganization),
        "POST /api/organizations/{id}/suspend": .superAdmin,
        "POST /api/organizations/{id}/reactivate": .superAdmin,
        "PUT /api/organizations/{id}/tier": .superAdmin,
        "POST /api/organizations/{id}/purge": .superAdmin,
        "GET /api/organizations/{id}/members": .member,
        "PATCH /api/organizations/{id}/members/{userId}": .permission(.manageMembers),
        "DELETE /api/organizations/{id}/members/{userId}": .permission(.manageMembers),
        "POST /api/organizations/{id}/transfer-ownership": .owner,
        "GET /api/organizations/{id}/invitations": .permission(.manageInvitations),
        "POST /api/organizations/{id}/invitations": .permission(.manageInvitations),
        "DELETE /api/organizations/{id}/invitations/{invitationId}": .permission(.manageInvitations),
        "GET /api/organizations/{id}/api-keys": .permission(.manageAPIKeys),
        "POST /api/organizations/{id}/api-keys": .permission(.manageAPIKeys),
        "DELETE /api/organizations/{id}/api-keys/{keyId}": .permission(.manageAPIKeys),
        "GET /api/organizations/{id}/usage": .permission(.readUsage),
        "GET /api/organizations/{id}/limits": .permission(.readUsage),
        "GET /api/organizations/{id}/stats": .permission(.readUsage),
        "PUT /api/organizations/{id}/plan-overrides": .superAdmin,
        "GET /api/organizations/{id}/audit-logs": .permission(.readAuditLog),
        "GET /api/organizations/{id}/audit-logs/verify": .permission(.readAuditLog),
        "GET /api/organizations/{id}/audit-logs/export": .permission(.readAuditLog),
        "GET /api/admin/audit-logs": .superAdmin, "GET /api/admin/audit-logs/verify": .superAdmin,
        "GET /api/admin/audit-logs/export": .superAdmin,
        "GET /api/projects": .permission(.readResources), "POST /api/projects": .permission(.writeResources),
        "GET /api/projects/{id}": .permission(.readResources), "PATCH /api/projects/{id}": .permission(.writeResources),
        "DELETE /api/projects/{id}": .permission(.writeResources),
        "GET /api/agents": .permission(.readResources), "POST /api/agents": .permission(.writeResources),
        "GET /api/agents/{id}": .permission(.readResources), "PATCH /api/agents/{id}": .permission(.writeResources),
        "DELETE /api/agents/{id}": .permission(.writeResources),
        "GET /api/tasks": .permission(.readResources), "POST /api/tasks": .permission(.writeResources),
        "GET /api/tasks/{id}": .permission(.readResources), "PATCH /api/tasks/{id}": .permission(.writeResources),
        "DELETE /api/tasks/{id}": .permission(.writeResources),
        "GET /api/tasks/{id}/artifacts": .permission(.readResources),
        "PUT /api/tasks/{id}/artifacts/{name}": .permission(.writeResources),
        "GET /api/tasks/{id}/artifacts/{name}": .permission(.readResources),
        "DELETE /api/tasks/{id}/artifacts/{name}": .permission(.writeResources),
        "GET /api/webhooks": .permission(.manageWebhooks), "POST /api/webhooks": .permission(.manageWebhooks),
        "GET /api/webhooks/{id}": .permission(.manageWebhooks), "DELETE /api/webhooks/{id}": .permission(.manageWebhooks),
        "GET /api/webhooks/{id}/deliveries": .permission(.manageWebhooks),
    ]
}
