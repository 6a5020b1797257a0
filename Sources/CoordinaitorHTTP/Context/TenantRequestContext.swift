import CoordinaitorDomain
import Hummingbird

/// The context of tenant routes: the organization is known and active.
///
/// Built from ``AppRequestContext`` after ``TenantResolutionMiddleware`` ran; the initializer throws when it did not
/// resolve a tenant, so a handler can never run without one.
package struct TenantRequestContext: ChildRequestContext {
    package var coreContext: CoreRequestContextStorage
    package let tenant: Organization

    package init(context: AppRequestContext) throws {
        guard let tenant = context.tenant else {
            throw APIError(status: .notFound, code: "tenant_not_found", detail: "This route needs an organization, and none was resolved.")
        }
        self.coreContext = context.coreContext
        self.tenant = tenant
    }

    /// The scope every storage call of this request is confined to.
    package var scope: TenantScope { TenantScope(self.tenant) }
}
