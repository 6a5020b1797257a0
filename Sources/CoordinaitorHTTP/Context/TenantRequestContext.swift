import CoordinaitorDomain
import Hummingbird

/// The context of tenant routes: the organization is known and active, and the caller may act in it.
///
/// Built from ``AppRequestContext`` after the resolution and access middleware ran; the initializer throws when either
/// is missing, so a handler can never run without a tenant and an authorized identity.
package struct TenantRequestContext: ChildRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let tenant: Organization
    package let principal: Principal
    package let access: TenantAccess

    package init(context: AppRequestContext) throws {
        guard let tenant = context.tenant else {
            throw APIError(status: .notFound, code: "tenant_not_found", detail: "This route needs an organization, and none was resolved.")
        }
        guard let principal = context.principal, let access = context.access else { throw APIError.authenticationRequired }
        self.coreContext = context.coreContext
        self.tenant = tenant
        self.principal = principal
        self.access = access
    }

    /// The scope every storage call of this request is confined to.
    package var scope: TenantScope { TenantScope(self.tenant) }
}
