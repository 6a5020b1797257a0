/// How a request or a setting names an organization.
package enum TenantKey: Hashable, Sendable, CustomStringConvertible {
    /// The organization's UUID.
    case id(OrganizationID)
    /// A subdomain or a name (both are slugs). A subdomain match wins over a name match.
    case slug(String)
    /// A custom domain, already normalized.
    case domain(String)

    /// Parses what a tenant header, a path segment or `DEFAULT_ORGANIZATION_ID` carries: a UUID, or else a slug.
    /// Returns nil for anything else; the caller answers `invalid_tenant_id`.
    package init?(identifier raw: some StringProtocol) {
        if let id = OrganizationID(raw) {
            self = .id(id)
        } else {
            let lowered = raw.lowercased()
            guard OrganizationNaming.isSlug(lowered) else { return nil }
            self = .slug(lowered)
        }
    }

    package var description: String {
        switch self {
        case .id(let id): "id:\(id)"
        case .slug(let slug): "slug:\(slug)"
        case .domain(let domain): "domain:\(domain)"
        }
    }
}
