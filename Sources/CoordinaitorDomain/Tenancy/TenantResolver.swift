/// What a request says about its tenant, gathered by the HTTP layer.
package struct TenantRequestFacts: Hashable, Sendable {
    /// The `Host` header (the HTTP/2 `:authority`).
    package var host: String?
    /// The first `X-Forwarded-Host` value; believed only with `TRUST_PROXY=true`.
    package var forwardedHost: String?
    /// The value of the configured tenant header.
    package var tenantHeader: String?
    /// The `{key}` of a `/org/{key}/...` path, when the path has that prefix.
    package var pathKey: String?

    package init(host: String? = nil, forwardedHost: String? = nil, tenantHeader: String? = nil, pathKey: String? = nil) {
        self.host = host
        self.forwardedHost = forwardedHost
        self.tenantHeader = tenantHeader
        self.pathKey = pathKey
    }
}

/// The outcome of resolving a request's tenant, before any storage lookup.
package enum TenantResolution: Hashable, Sendable {
    /// Look up this organization.
    case organization(TenantKey, via: Source)
    /// The request names no organization. Central routes are served; tenant routes answer `tenant_not_found`.
    case noTenant(NoTenantReason)
    /// The request names a tenant in a way that is wrong in itself.
    case rejected(TenancyError)

    package enum Source: String, Hashable, Sendable {
        case singleTenant = "single-tenant"
        case subdomain, domain, header, path
        /// The header strategy fell back to `DEFAULT_ORGANIZATION_ID`.
        case headerDefault = "header-default"
    }
}

/// Why a request has no tenant: logged, and told to the caller of a tenant route.
package enum NoTenantReason: Error, Hashable, Sendable, CustomStringConvertible {
    case missingHost
    case invalidHost
    case ipLiteral
    /// The bare platform domain: the central host.
    case platformHost
    case reservedSubdomain(String)
    /// A host outside the platform domain, such as `acme.evil.com`.
    case foreignHost(String)
    /// More than one label before the platform domain, such as `a.b.platform.com`.
    case nestedSubdomain(String)
    /// A host not listed in `ALLOWED_DOMAINS`.
    case domainNotAllowed(String)
    case missingHeader
    case missingPathPrefix

    package var description: String {
        switch self {
        case .missingHost: "the request has no Host header"
        case .invalidHost: "the Host header is not a valid host name"
        case .ipLiteral: "an IP address does not name an organization"
        case .platformHost: "the platform's own host names no organization"
        case .reservedSubdomain(let label): "'\(label)' is a reserved subdomain of the platform"
        case .foreignHost(let host): "'\(host)' is not under the platform domain"
        case .nestedSubdomain(let host): "'\(host)' has more than one label before the platform domain"
        case .domainNotAllowed(let host): "'\(host)' is not an allowed custom domain"
        case .missingHeader: "the request has no tenant header"
        case .missingPathPrefix: "the path does not start with /org/{organization}/"
        }
    }
}

/// Turns request facts into a ``TenantResolution`` under a ``TenancyConfiguration``. Pure: no storage, no clock.
package struct TenantResolver: Sendable {
    package let configuration: TenancyConfiguration

    package init(configuration: TenancyConfiguration) {
        self.configuration = configuration
    }

    package func resolve(_ facts: TenantRequestFacts) -> TenantResolution {
        guard self.configuration.multiTenantEnabled else {
            return .organization(self.configuration.singleTenantKey, via: .singleTenant)
        }
        switch self.configuration.strategy {
        case .subdomain: return self.resolveSubdomain(facts)
        case .domain: return self.resolveDomain(facts)
        case .header: return self.resolveHeader(facts)
        case .path: return self.resolvePath(facts)
        }
    }

    /// The host the client asked for: `X-Forwarded-Host` behind a trusted proxy, else `Host`.
    private func effectiveHost(_ facts: TenantRequestFacts) -> Result<String, NoTenantReason> {
        let raw = (self.configuration.trustProxy ? facts.forwardedHost : nil) ?? facts.host
        guard let raw else { return .failure(.missingHost) }
        switch HostName.normalize(raw) {
        case .name(let host): return .success(host)
        case .ipLiteral: return .failure(.ipLiteral)
        case .invalid: return .failure(.invalidHost)
        }
    }

    private func resolveSubdomain(_ facts: TenantRequestFacts) -> TenantResolution {
        let host: String
        switch self.effectiveHost(facts) {
        case .success(let value): host = value
        case .failure(let reason): return .noTenant(reason)
        }
        let platform = self.configuration.platformDomain
        if host == platform { return .noTenant(.platformHost) }
        guard host.hasSuffix("." + platform) else { return .noTenant(.foreignHost(host)) }
        let label = String(host.dropLast(platform.count + 1))
        if label.contains(".") { return .noTenant(.nestedSubdomain(host)) }
        if OrganizationNaming.reservedSubdomains.contains(label) { return .noTenant(.reservedSubdomain(label)) }
        return .organization(.slug(label), via: .subdomain)
    }

    private func resolveDomain(_ facts: TenantRequestFacts) -> TenantResolution {
        let host: String
        switch self.effectiveHost(facts) {
        case .success(let value): host = value
        case .failure(let reason): return .noTenant(reason)
        }
        if host == self.configuration.platformDomain { return .noTenant(.platformHost) }
        if !self.configuration.allowedDomains.isEmpty, !self.configuration.allowedDomains.contains(host) {
            return .noTenant(.domainNotAllowed(host))
        }
        return .organization(.domain(host), via: .domain)
    }

    private func resolveHeader(_ facts: TenantRequestFacts) -> TenantResolution {
        guard let raw = facts.tenantHeader else {
            if self.configuration.requireTenantHeader {
                return .rejected(
                    TenancyError(code: .tenantHeaderRequired, message: "This server requires the \(self.headerDisplayName) header on tenant routes.")
                )
            }
            if let fallback = self.configuration.defaultOrganization { return .organization(fallback, via: .headerDefault) }
            return .noTenant(.missingHeader)
        }
        guard let key = TenantKey(identifier: raw.trimmed) else {
            return .rejected(
                TenancyError(
                    code: .invalidTenantID,
                    message: "The \(self.headerDisplayName) header must hold an organization's UUID, subdomain or name."
                )
            )
        }
        return .organization(key, via: .header)
    }

    private func resolvePath(_ facts: TenantRequestFacts) -> TenantResolution {
        guard let raw = facts.pathKey else { return .noTenant(.missingPathPrefix) }
        guard let key = TenantKey(identifier: raw) else {
            return .rejected(
                TenancyError(code: .invalidTenantID, message: "The path segment after /org/ must be an organization's UUID, subdomain or name.")
            )
        }
        return .organization(key, via: .path)
    }

    private var headerDisplayName: String { self.configuration.tenantHeaderName }
}
