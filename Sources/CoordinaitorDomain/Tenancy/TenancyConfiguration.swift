/// The tenancy settings, as documented: `MULTI_TENANT_ENABLED`, `MULTI_TENANT_STRATEGY`, `DEFAULT_ORGANIZATION_ID`,
/// `ALLOWED_DOMAINS`, `REQUIRE_TENANT_HEADER`, `TENANT_HEADER_NAME`, `PLATFORM_DOMAIN` and `TRUST_PROXY`.
package struct TenancyConfiguration: Hashable, Sendable {
    /// The slug of the organization created on first start in single-tenant mode when no default is configured.
    package static let builtInDefaultSlug = "default"

    package var multiTenantEnabled: Bool
    package var strategy: TenancyStrategy
    /// `DEFAULT_ORGANIZATION_ID`: the single-tenant organization, and the header strategy's fallback.
    package var defaultOrganization: TenantKey?
    /// Normalized host names; empty means "any organization's custom domain".
    package var allowedDomains: Set<String>
    package var requireTenantHeader: Bool
    /// Lower-cased, as HTTP field names compare case-insensitively.
    package var tenantHeaderName: String
    /// Normalized base domain of the subdomain strategy.
    package var platformDomain: String
    package var trustProxy: Bool

    package init(
        multiTenantEnabled: Bool = false,
        strategy: TenancyStrategy = .subdomain,
        defaultOrganization: TenantKey? = nil,
        allowedDomains: Set<String> = [],
        requireTenantHeader: Bool = false,
        tenantHeaderName: String = "X-Tenant-ID",
        platformDomain: String = "localhost",
        trustProxy: Bool = false
    ) {
        self.multiTenantEnabled = multiTenantEnabled
        self.strategy = strategy
        self.defaultOrganization = defaultOrganization
        self.allowedDomains = allowedDomains
        self.requireTenantHeader = requireTenantHeader
        self.tenantHeaderName = tenantHeaderName.lowercased()
        self.platformDomain = platformDomain
        self.trustProxy = trustProxy
    }

    /// The organization every request is served in when multi-tenancy is off.
    package var singleTenantKey: TenantKey {
        self.defaultOrganization ?? .slug(Self.builtInDefaultSlug)
    }

    /// Reads the documented environment variables through `value`, which maps a variable name to its raw value.
    ///
    /// - Throws: ``SettingError`` naming the first variable whose value is not allowed. Nothing falls back silently.
    package init(reading value: @escaping (String) -> String?) throws(SettingError) {
        let reader = SettingReader(value)
        self.multiTenantEnabled = try reader.bool("MULTI_TENANT_ENABLED", default: false)
        self.strategy = try reader.choice("MULTI_TENANT_STRATEGY", default: TenancyStrategy.subdomain)
        if let raw = reader.nonEmpty("DEFAULT_ORGANIZATION_ID") {
            guard let key = TenantKey(identifier: raw) else {
                throw SettingError(variable: "DEFAULT_ORGANIZATION_ID", value: raw, expected: "an organization's UUID, subdomain or name")
            }
            self.defaultOrganization = key
        } else {
            self.defaultOrganization = nil
        }
        var domains: Set<String> = []
        for entry in (reader.nonEmpty("ALLOWED_DOMAINS") ?? "").split(separator: ",") {
            let candidate = entry.trimmed
            if candidate.isEmpty { continue }
            guard case .name(let host) = HostName.normalize(candidate) else {
                throw SettingError(variable: "ALLOWED_DOMAINS", value: candidate, expected: "comma-separated host names such as acme.com,globex.com")
            }
            domains.insert(host)
        }
        self.allowedDomains = domains
        self.requireTenantHeader = try reader.bool("REQUIRE_TENANT_HEADER", default: false)
        let headerName = reader.nonEmpty("TENANT_HEADER_NAME") ?? "X-Tenant-ID"
        guard Self.isFieldName(headerName) else {
            throw SettingError(variable: "TENANT_HEADER_NAME", value: headerName, expected: "an HTTP header name such as X-Tenant-ID")
        }
        self.tenantHeaderName = headerName.lowercased()
        let platform = reader.nonEmpty("PLATFORM_DOMAIN") ?? "localhost"
        guard case .name(let platformHost) = HostName.normalize(platform) else {
            throw SettingError(variable: "PLATFORM_DOMAIN", value: platform, expected: "a host name such as platform.com or localhost")
        }
        self.platformDomain = platformHost
        self.trustProxy = try reader.bool("TRUST_PROXY", default: false)
    }

    private static func isFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-") }
    }
}
