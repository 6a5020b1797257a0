import CoordinaitorDomain
import Hummingbird

/// The context every request starts with. Central routes (health, OpenAPI, later sign-in) use it as is.
///
/// The tenant is filled in by ``TenantResolutionMiddleware`` on tenant routes; the caller's identity will join it here
/// when authentication lands, and ``TenantRequestContext`` narrows both to non-optional values.
package struct AppRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The `{key}` of a `/org/{key}/...` path, set by ``PathTenantResponder`` before routing.
    package var pathTenantKey: String?
    /// The organization this request is served in, once resolved.
    package var tenant: Organization?

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}
