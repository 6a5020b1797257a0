import CoordinaitorDomain
import HTTPTypes
import Hummingbird

extension TenantRequestFacts {
    /// What `request` says about its tenant under `configuration`.
    package init(request: Request, context: AppRequestContext, configuration: TenancyConfiguration) {
        self.init(
            // A literal Host field wins over the authority: HTTP/1 moves Host into the authority, so both agree on the wire,
            // and requests built in-process (tests, internal forwarding) can name a host.
            host: request.headers[.host] ?? request.head.authority,
            forwardedHost: request.headers[.xForwardedHost].flatMap { $0.split(separator: ",").first.map { $0.trimmed } },
            tenantHeader: HTTPField.Name(configuration.tenantHeaderName).flatMap { request.headers[$0] },
            pathKey: context.pathTenantKey
        )
    }
}
