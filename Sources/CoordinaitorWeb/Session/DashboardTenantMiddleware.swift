import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Hummingbird
import Logging

/// Finds the organization of a dashboard page and lets the signed-in person in only if they may see it.
///
/// The organization is named as for the API (host under the subdomain and domain strategies, the default one in
/// single-tenant mode) or by a `/org/{key}` prefix: under the path strategy, and under the others on a host that
/// names no organization (a browser cannot send the tenant header). A member enters with their role; a super admin
/// enters and the crossing is recorded; anyone else is refused and the attempt recorded, exactly as on the API.
/// Without an organization, only `/dashboard` itself is served: it lists the caller's organizations.
struct DashboardTenantMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let resolver: TenantResolver
    let directory: TenantDirectory
    let identities: IdentityService
    let securityEvents: any SecurityEventSink

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let user = context.identity, context.sessionToken != nil else { throw WebError.signInRequired }
        guard let key = try self.tenantKey(request, context: context) else {
            guard request.uri.path == "/dashboard" else { throw WebError.notFound }
            return try await next(request, context)
        }
        let organization = try await self.directory.activeOrganization(for: key, logger: context.logger)
        AuditRequestContext.current?.organization = organization
        let principal = Principal.user(user)
        let access = try await self.identities.access(of: principal, to: organization.id)
        let action = "\(request.method.rawValue) \(request.uri.path)"
        switch access {
        case .crossTenantDenied, .apiKey:
            self.securityEvents.record(
                SecurityEvent(kind: .crossTenantDenied, principal: principal, organizationID: organization.id, action: action, requestID: context.id)
            )
            throw WebError.forbidden("You are not a member of this organization.")
        case .disabled:
            throw WebError.signInRequired
        case .superAdminCrossing:
            self.securityEvents.record(
                SecurityEvent(kind: .superAdminCrossing, principal: principal, organizationID: organization.id, action: action, requestID: context.id)
            )
        case .member:
            break
        }
        var context = context
        context.tenant = organization
        context.access = access
        context.logger[metadataKey: "organization.id"] = "\(organization.id)"
        return try await next(request, context)
    }

    /// The key naming the page's organization; nil when the request names none.
    private func tenantKey(_ request: Request, context: Context) throws -> TenantKey? {
        let configuration = self.resolver.configuration
        let facts = TenantRequestFacts(request: request, context: context, configuration: configuration)
        if let pathKey = context.pathTenantKey, configuration.strategy != .path || !configuration.multiTenantEnabled {
            guard configuration.multiTenantEnabled else { throw WebError.notFound }
            // A host that names an organization keeps naming it: the path cannot point that host's pages elsewhere.
            if self.resolver.hostNamesAnOrganization(facts) {
                throw WebError(status: .badRequest, message: "This host belongs to one organization; open the dashboard at /dashboard.")
            }
            guard let key = TenantKey(identifier: pathKey) else {
                throw WebError(status: .badRequest, message: "'\(pathKey)' is not an organization's id, subdomain or name.")
            }
            return key
        }
        switch self.resolver.resolve(facts) {
        case .organization(let key, _): return key
        case .noTenant: return nil
        case .rejected(let error): throw error
        }
    }
}
