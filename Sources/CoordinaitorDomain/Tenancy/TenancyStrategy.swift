/// How a multi-tenant server tells which organization a request is for (`MULTI_TENANT_STRATEGY`).
package enum TenancyStrategy: String, CaseIterable, Hashable, Sendable {
    /// `acme.platform.com` → the organization whose subdomain is `acme`.
    case subdomain
    /// `acme.com` → the organization whose custom domain is `acme.com`.
    case domain
    /// `X-Tenant-ID: <id, subdomain or name>`.
    case header
    /// `/org/acme/api/...` → served as `/api/...` for the organization `acme`.
    case path
}
