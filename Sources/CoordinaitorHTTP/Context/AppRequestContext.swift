import CoordinaitorDomain
import Hummingbird

/// The context every request starts with. Central routes (health, OpenAPI, later sign-in) use it as is.
///
/// ``AuthenticationMiddleware`` fills in the identity, ``TenantResolutionMiddleware`` the tenant on tenant routes, and
/// ``TenantAccessMiddleware`` how the one may act in the other; ``TenantRequestContext`` narrows them to non-optional values.
package struct AppRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The `{key}` of a `/org/{key}/...` path, set by ``PathTenantResponder`` before routing.
    package var pathTenantKey: String?
    /// The organization this request is served in, once resolved.
    package var tenant: Organization?
    /// Who is calling, once a valid credential was presented.
    package var principal: Principal?
    /// How the identity may act in the tenant, once both are known.
    package var access: TenantAccess?
    /// The dashboard's session token, when the caller signed in through the session cookie (its CSRF tokens derive from it).
    package var sessionToken: String?
    /// The peer's IP address as the socket saw it (a proxy's, behind one); see ``RequestObservationMiddleware``.
    package let peerAddress: String?

    package init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The signed-in user; nil for API keys, which cannot use the routes that need a person.
    package var identity: User? { self.principal?.user }
}
