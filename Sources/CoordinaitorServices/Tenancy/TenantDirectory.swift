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
    /// - Parameter logger: the request's logger, for a `tenant:cache` debug line per lookup (hit or miss); nil logs nothing.
    package func organization(for key: TenantKey, logger: Logger? = nil) async throws -> Organization? {
        let generation: UInt64
        switch self.cache.lookup(key) {
        case .hit(let cached):
            Self.logLookup(key, "hit", found: cached, logger: logger)
            return cached
        case .miss(let missed): generation = missed
        }
        let found = try await self.organizations.find(key)
        self.cache.store(found, for: key, generation: generation)
        Self.logLookup(key, "miss", found: found, logger: logger)
        return found
    }

    /// The active organization `key` names.
    /// - Parameter logger: as for ``organization(for:logger:)``.
    /// - Throws: ``TenancyError`` `tenant_not_found` or `tenant_inactive`.
    package func activeOrganization(for key: TenantKey, logger: Logger? = nil) async throws -> Organization {
        guard let organization = try await self.organization(for: key, logger: logger) else {
            throw TenancyError(code: .tenantNotFound, message: "No organization matches \(Self.describe(key)).")
        }
        try organization.requireActive()
        return organization
    }

    private static func logLookup(_ key: TenantKey, _ outcome: String, found: Organization?, logger: Logger?) {
        // Checked first so that a lookup with debug lines off costs no logger copy.
        guard let logger, logger.logLevel <= .debug else { return }
        logger.scoped(.tenantCache).debug(
            "Tenant cache \(outcome)",
            metadata: ["tenant.key": "\(Self.describe(key))", "tenant.cache": "\(outcome)", "tenant.found": "\(found?.id.description ?? "none")"]
        )
    }

    package static func describe(_ key: TenantKey) -> String {
        switch key {
        case .id(let id): "the id '\(id)'"
        case .slug(let slug): "the subdomain or name '\(slug)'"
        case .domain(let domain): "the domain '\(domain)'"
        }
    }
}
