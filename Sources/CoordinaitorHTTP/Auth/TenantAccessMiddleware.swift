import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// Runs after tenant resolution: the caller must be signed in and allowed in the resolved organization.
///
/// A member acts with their role; a super admin who is not a member is let through and the crossing is recorded; any
/// other identity gets `403 cross_tenant_access_denied` and the attempt is recorded. Reads need `readResources` and
/// writes `writeResources` (so a viewer reads, a member writes, and a billing member sees usage and billing only).
/// Responses to callers let in carry `X-Tenant-ID`.
package struct TenantAccessMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext

    private let identities: IdentityService
    private let securityEvents: any SecurityEventSink

    package init(identities: IdentityService, securityEvents: any SecurityEventSink) {
        self.identities = identities
        self.securityEvents = securityEvents
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let principal = context.principal else { throw APIError.authenticationRequired }
        guard let tenant = context.tenant else {
            throw APIError(status: .notFound, code: "tenant_not_found", detail: "This route needs an organization, and none was resolved.")
        }
        let access = try await self.identities.access(of: principal, to: tenant.id)
        // Described only for the events that record it, not on every request.
        var action: String { "\(request.method.rawValue) \(request.uri.path)" }
        switch access {
        case .disabled:
            throw APIError.invalidCredential
        case .crossTenantDenied:
            self.securityEvents.record(
                SecurityEvent(kind: .crossTenantDenied, principal: principal, organizationID: tenant.id, action: action, requestID: context.id)
            )
            throw APIError.crossTenantAccessDenied
        case .superAdminCrossing:
            self.securityEvents.record(
                SecurityEvent(kind: .superAdminCrossing, principal: principal, organizationID: tenant.id, action: action, requestID: context.id)
            )
        case .member, .apiKey:
            break
        }
        let isRead = request.method == .get || request.method == .head
        guard access.allows(isRead ? .readResources : .writeResources) else {
            throw APIError.permissionDenied(isRead ? "reading projects, tasks and agents" : "changing projects, tasks and agents")
        }
        var context = context
        context.access = access
        // Only a caller let into the organization learns its id: a refusal must not turn a host name into an id.
        let tenantHeader = "\(tenant.id)"
        do {
            var response = try await next(request, context)
            response.headers[.xTenantID] = tenantHeader
            return response
        } catch {
            var problem = ProblemMiddleware<Context>.problem(for: error, logger: context.logger)
            problem.headers[.xTenantID] = tenantHeader
            throw problem
        }
    }
}
