import CoordinaitorDomain
import Logging

/// Finds organizations by the keys requests use, through a ``TenantCache``.
package struct TenantDirectory: Sendable {
    private let organizations: any OrganizationRepository
    package let cache: TenantCache

    package init(organizations: any OrganizationRepository, cache: TenantCache) {
        self.organizations = organizations
        self.cache = cache
    }

    /// The organization `key` names, in any status, or nil.
    package func organization(for key: TenantKey) async throws -> Organization? {
        let generation: UInt64
        switch self.cache.lookup(key) {
        case .hit(let cached): return cached
        case .miss(let missed): generation = missed
        }
        let found = try await self.organizations.find(key)
        self.cache.store(found, for: key, generation: generation)
        return found
    }

    /// The active organization `key` names.
    /// - Throws: ``TenancyError`` `tenant_not_found` or `tenant_inactive`.
    package func activeOrganization(for key: TenantKey) async throws -> Organization {
        guard let organization = try await self.organization(for: key) else {
            throw TenancyError(code: .tenantNotFound, message: "No organization matches \(Self.describe(key)).")
        }
        try organization.requireActive()
        return organization
    }

    package static func describe(_ key: TenantKey) -> String {
        switch key {
        case .id(let id): "the id '\(id)'"
        case .slug(let slug): "the subdomain or name '\(slug)'"
        case .domain(let domain): "the domain '\(domain)'"
        }
    }
}
