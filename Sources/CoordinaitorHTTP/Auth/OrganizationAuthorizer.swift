import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// Decides whether the caller may act on the organization named by a central route's `{id}`
/// (`/api/organizations/{id}/…`), and records refusals and super-admin crossings.
///
/// When the request also names a tenant (host, header or path in multi-tenant mode), `{id}` must be that tenant.
struct OrganizationAuthorizer {
    let identities: IdentityService
    let tenants: TenantDirectory
    let resolver: TenantResolver
    let securityEvents: any SecurityEventSink

    /// The organization of `{id}` for a platform super admin; anyone else is refused.
    func authorizeSuperAdmin(_ request: Request, context: AppRequestContext) async throws -> Organization {
        try Self.requireSuperAdmin(context)
        return try await self.authorizeWithAccess(request, context: context, permission: nil, allowingCancelled: true).organization
    }

    /// The organization of `{id}` when the caller may act on it with `permission`; records refusals and super-admin crossings.
    func authorize(_ request: Request, context: AppRequestContext, permission: Permission) async throws -> Organization {
        try await self.authorizeWithAccess(request, context: context, permission: permission).organization
    }

    /// Like ``authorize(_:context:permission:)``, with the caller's access (their role, or a super admin's crossing).
    /// A nil `permission` asks only for a membership (or a super admin), whatever the role. A cancelled organization is
    /// frozen: changes are refused unless `allowingCancelled` (reactivation and purge).
    func authorizeWithAccess(
        _ request: Request,
        context: AppRequestContext,
        permission: Permission?,
        allowingCancelled: Bool = false
    ) async throws -> (organization: Organization, access: TenantAccess) {
        let user = try Self.requireUser(context)
        guard let raw = context.parameters.get("id"), let id = OrganizationID(raw),
            let organization = try await self.tenants.organization(for: .id(id))
        else {
            throw ResourceError.notFound(OrganizationKind.resourceName)
        }
        AuditRequestContext.current?.organization = organization
        let action = "\(request.method.rawValue) \(request.uri.path)"
        if let named = try await self.tenantNamed(by: request, context: context), named.id != organization.id {
            self.record(.crossTenantDenied, user: user, organization: organization, action: action, context: context)
            throw APIError.crossTenantAccessDenied
        }
        let access = try await self.identities.access(of: .user(user), to: organization.id)
        switch access {
        case .crossTenantDenied:
            self.record(.crossTenantDenied, user: user, organization: organization, action: action, context: context)
            throw APIError.crossTenantAccessDenied
        case .superAdminCrossing:
            self.record(.superAdminCrossing, user: user, organization: organization, action: action, context: context)
        case .disabled:
            throw APIError.invalidCredential
        case .member, .apiKey:
            break
        }
        if let permission, !access.allows(permission) { throw APIError.permissionDenied("this on the organization") }
        let changes = request.method != .get && request.method != .head
        if changes, organization.status == .cancelled, !allowingCancelled {
            throw APIError(
                status: .conflict,
                code: "organization_cancelled",
                detail: "This organization is cancelled and frozen until a platform super admin reactivates it."
            )
        }
        return (organization, access)
    }

    /// The organization the request's host, header or path names in multi-tenant mode, if any.
    private func tenantNamed(by request: Request, context: AppRequestContext) async throws -> Organization? {
        let facts = TenantRequestFacts(request: request, context: context, configuration: self.resolver.configuration)
        guard case .organization(let key, let source) = self.resolver.resolve(facts), source != .singleTenant, source != .headerDefault else {
            return nil
        }
        return try await self.tenants.organization(for: key)
    }

    private func record(_ kind: SecurityEvent.Kind, user: User, organization: Organization, action: String, context: AppRequestContext) {
        self.securityEvents.record(
            SecurityEvent(kind: kind, principal: .user(user), organizationID: organization.id, action: action, requestID: context.id)
        )
    }

    /// A platform super admin, for routes that are theirs alone; anyone else gets `super_admin_required`.
    @discardableResult
    static func requireSuperAdmin(_ context: AppRequestContext) throws -> User {
        let user = try Self.requireUser(context)
        guard user.isSuperAdmin else {
            throw APIError(status: .forbidden, code: "super_admin_required", detail: "Only a platform super admin can do this.")
        }
        return user
    }

    static func requireUser(_ context: AppRequestContext) throws -> User {
        switch context.principal {
        case .user(let user): return user
        case .apiKey: throw APIError.userRequired
        case nil: throw APIError.authenticationRequired
        }
    }
}
