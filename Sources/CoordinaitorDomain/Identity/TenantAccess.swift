/// Who may act in an organization, decided from the caller and their membership there. Pure: the caller looks both up.
package enum TenantAccess: Hashable, Sendable {
    /// A member acting with their role.
    case member(Role)
    /// A super admin who is not a member: allowed, and recorded as a crossing.
    case superAdminCrossing
    /// A valid identity without a membership here: `cross_tenant_access_denied`, recorded as a security event.
    case crossTenantDenied
    /// The account is disabled.
    case disabled
    /// An API key of this organization, with its scopes.
    case apiKey(Set<APIKeyScope>)

    package static func decide(user: User, membership: Membership?) -> TenantAccess {
        guard user.status == .active else { return .disabled }
        if let membership { return .member(membership.role) }
        return user.isSuperAdmin ? .superAdminCrossing : .crossTenantDenied
    }

    /// Whether this access grants `permission`. A super admin crossing has every permission.
    package func allows(_ permission: Permission) -> Bool {
        switch self {
        case .member(let role): role.permissions.contains(permission)
        case .superAdminCrossing: true
        case .apiKey(let scopes): scopes.contains { $0.permissions.contains(permission) }
        case .crossTenantDenied, .disabled: false
        }
    }
}
