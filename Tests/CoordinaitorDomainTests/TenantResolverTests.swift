import CoordinaitorDomain
import Testing

/// One row of the resolution table: a configuration, what the request carries, and what must come out.
struct ResolutionCase: CustomTestStringConvertible, Sendable {
    var name: String
    var configuration: TenancyConfiguration
    var facts: TenantRequestFacts
    var expected: TenantResolution

    var testDescription: String { self.name }
}

private let acmeID = OrganizationID("0190f1e2-7a3b-7c4d-8e5f-a1b2c3d4e5f6")!

private func multi(_ strategy: TenancyStrategy, _ adjust: (inout TenancyConfiguration) -> Void = { _ in }) -> TenancyConfiguration {
    var configuration = TenancyConfiguration(multiTenantEnabled: true, strategy: strategy, platformDomain: "platform.com")
    adjust(&configuration)
    return configuration
}

private let subdomainCases: [ResolutionCase] = [
    .init(name: "subdomain: plain", configuration: multi(.subdomain), facts: .init(host: "acme.platform.com"),
          expected: .organization(.slug("acme"), via: .subdomain)),
    .init(name: "subdomain: with port", configuration: multi(.subdomain), facts: .init(host: "acme.platform.com:8080"),
          expected: .organization(.slug("acme"), via: .subdomain)),
    .init(name: "subdomain: upper case", configuration: multi(.subdomain), facts: .init(host: "ACME.Platform.COM"),
          expected: .organization(.slug("acme"), via: .subdomain)),
    .init(name: "subdomain: trailing dot", configuration: multi(.subdomain), facts: .init(host: "acme.platform.com."),
          expected: .organization(.slug("acme"), via: .subdomain)),
    .init(name: "subdomain: trailing dot and port", configuration: multi(.subdomain), facts: .init(host: "acme.platform.com.:443"),
          expected: .organization(.slug("acme"), via: .subdomain)),
    .init(name: "subdomain: bare platform domain is central", configuration: multi(.subdomain), facts: .init(host: "platform.com"),
          expected: .noTenant(.platformHost)),
    .init(name: "subdomain: platform domain with port is central", configuration: multi(.subdomain), facts: .init(host: "platform.com:8080"),
          expected: .noTenant(.platformHost)),
    .init(name: "subdomain: www is reserved", configuration: multi(.subdomain), facts: .init(host: "www.platform.com"),
          expected: .noTenant(.reservedSubdomain("www"))),
    .init(name: "subdomain: api is reserved", configuration: multi(.subdomain), facts: .init(host: "api.platform.com"),
          expected: .noTenant(.reservedSubdomain("api"))),
    .init(name: "subdomain: admin is reserved", configuration: multi(.subdomain), facts: .init(host: "Admin.platform.com"),
          expected: .noTenant(.reservedSubdomain("admin"))),
    .init(name: "subdomain: foreign base domain", configuration: multi(.subdomain), facts: .init(host: "acme.evil.com"),
          expected: .noTenant(.foreignHost("acme.evil.com"))),
    .init(name: "subdomain: suffix trick without dot", configuration: multi(.subdomain), facts: .init(host: "acmeplatform.com"),
          expected: .noTenant(.foreignHost("acmeplatform.com"))),
    .init(name: "subdomain: platform domain as a prefix", configuration: multi(.subdomain), facts: .init(host: "acme.platform.com.evil.com"),
          expected: .noTenant(.foreignHost("acme.platform.com.evil.com"))),
    .init(name: "subdomain: nested label", configuration: multi(.subdomain), facts: .init(host: "a.acme.platform.com"),
          expected: .noTenant(.nestedSubdomain("a.acme.platform.com"))),
    .init(name: "subdomain: IPv4 literal", configuration: multi(.subdomain), facts: .init(host: "127.0.0.1:8080"),
          expected: .noTenant(.ipLiteral)),
    .init(name: "subdomain: IPv6 literal", configuration: multi(.subdomain), facts: .init(host: "[::1]:8080"),
          expected: .noTenant(.ipLiteral)),
    .init(name: "subdomain: bare IPv6", configuration: multi(.subdomain), facts: .init(host: "fe80::1"),
          expected: .noTenant(.ipLiteral)),
    .init(name: "subdomain: missing host", configuration: multi(.subdomain), facts: .init(),
          expected: .noTenant(.missingHost)),
    .init(name: "subdomain: garbage host", configuration: multi(.subdomain), facts: .init(host: "acme_corp.platform.com"),
          expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: bad port", configuration: multi(.subdomain), facts: .init(host: "acme.platform.com:80a"),
          expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: empty label", configuration: multi(.subdomain), facts: .init(host: ".platform.com"),
          expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: overlong host", configuration: multi(.subdomain),
          facts: .init(host: String(repeating: "a.", count: 200) + "platform.com"), expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: punycode label is looked up like any label", configuration: multi(.subdomain),
          facts: .init(host: "xn--80ak6aa92e.platform.com"), expected: .organization(.slug("xn--80ak6aa92e"), via: .subdomain)),
    .init(name: "subdomain: spoofed X-Forwarded-Host ignored without TRUST_PROXY", configuration: multi(.subdomain),
          facts: .init(host: "acme.platform.com", forwardedHost: "globex.platform.com"), expected: .organization(.slug("acme"), via: .subdomain)),
    .init(name: "subdomain: X-Forwarded-Host believed with TRUST_PROXY", configuration: multi(.subdomain) { $0.trustProxy = true },
          facts: .init(host: "10.0.0.5:8080", forwardedHost: "globex.platform.com"), expected: .organization(.slug("globex"), via: .subdomain)),
    .init(name: "subdomain: TRUST_PROXY without X-Forwarded-Host uses Host", configuration: multi(.subdomain) { $0.trustProxy = true },
          facts: .init(host: "acme.platform.com"), expected: .organization(.slug("acme"), via: .subdomain)),
    .init(name: "subdomain: tenant header ignored", configuration: multi(.subdomain),
          facts: .init(host: "acme.platform.com", tenantHeader: "globex"), expected: .organization(.slug("acme"), via: .subdomain)),
    // Attacks on the host (ResolutionAttackTests sends them end to end).
    .init(name: "subdomain: whitespace host", configuration: multi(.subdomain), facts: .init(host: "   "),
          expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: host padded with spaces", configuration: multi(.subdomain), facts: .init(host: " acme.platform.com "),
          expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: two hosts joined by a comma", configuration: multi(.subdomain),
          facts: .init(host: "acme.platform.com, globex.platform.com"), expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: user info before the host", configuration: multi(.subdomain), facts: .init(host: "acme.platform.com@globex.platform.com"),
          expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: two trailing dots", configuration: multi(.subdomain), facts: .init(host: "acme.platform.com.."),
          expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: two ports", configuration: multi(.subdomain), facts: .init(host: "acme.platform.com:80:80"),
          expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: unclosed IPv6 literal", configuration: multi(.subdomain), facts: .init(host: "[::1:8080"),
          expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: non-ASCII label", configuration: multi(.subdomain), facts: .init(host: "ácme.platform.com"),
          expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: 10 KB host", configuration: multi(.subdomain),
          facts: .init(host: String(repeating: "a", count: 10_000) + ".platform.com"), expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: 64-character label", configuration: multi(.subdomain),
          facts: .init(host: String(repeating: "a", count: 64) + ".platform.com"), expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: empty host", configuration: multi(.subdomain), facts: .init(host: ""), expected: .noTenant(.invalidHost)),
    .init(name: "subdomain: spoofed X-Forwarded-Host alone without TRUST_PROXY", configuration: multi(.subdomain),
          facts: .init(host: "10.0.0.5", forwardedHost: "acme.platform.com"), expected: .noTenant(.ipLiteral)),
    .init(name: "subdomain: localhost default platform", configuration: TenancyConfiguration(multiTenantEnabled: true),
          facts: .init(host: "acme.localhost:8080"), expected: .organization(.slug("acme"), via: .subdomain)),
]

private let domainCases: [ResolutionCase] = [
    .init(name: "domain: allowed custom domain", configuration: multi(.domain) { $0.allowedDomains = ["acme.com", "globex.com"] },
          facts: .init(host: "acme.com"), expected: .organization(.domain("acme.com"), via: .domain)),
    .init(name: "domain: allowed, mixed case with port and dot", configuration: multi(.domain) { $0.allowedDomains = ["acme.com"] },
          facts: .init(host: "ACME.com.:8443"), expected: .organization(.domain("acme.com"), via: .domain)),
    .init(name: "domain: unlisted host refused", configuration: multi(.domain) { $0.allowedDomains = ["acme.com"] },
          facts: .init(host: "initech.com"), expected: .noTenant(.domainNotAllowed("initech.com"))),
    .init(name: "domain: subdomain of an allowed domain refused", configuration: multi(.domain) { $0.allowedDomains = ["acme.com"] },
          facts: .init(host: "www.acme.com"), expected: .noTenant(.domainNotAllowed("www.acme.com"))),
    .init(name: "domain: no allow-list means any organization domain", configuration: multi(.domain),
          facts: .init(host: "initech.com"), expected: .organization(.domain("initech.com"), via: .domain)),
    .init(name: "domain: platform host is central", configuration: multi(.domain), facts: .init(host: "platform.com"),
          expected: .noTenant(.platformHost)),
    .init(name: "domain: IP literal", configuration: multi(.domain), facts: .init(host: "192.168.1.1"), expected: .noTenant(.ipLiteral)),
    .init(name: "domain: spoofed X-Forwarded-Host ignored", configuration: multi(.domain) { $0.allowedDomains = ["acme.com", "globex.com"] },
          facts: .init(host: "acme.com", forwardedHost: "globex.com"), expected: .organization(.domain("acme.com"), via: .domain)),
]

private let headerCases: [ResolutionCase] = [
    .init(name: "header: organization id", configuration: multi(.header), facts: .init(tenantHeader: acmeID.description),
          expected: .organization(.id(acmeID), via: .header)),
    .init(name: "header: upper-case uuid", configuration: multi(.header), facts: .init(tenantHeader: acmeID.description.uppercased()),
          expected: .organization(.id(acmeID), via: .header)),
    .init(name: "header: subdomain", configuration: multi(.header), facts: .init(tenantHeader: "acme"),
          expected: .organization(.slug("acme"), via: .header)),
    .init(name: "header: name slug", configuration: multi(.header), facts: .init(tenantHeader: "acme-corp"),
          expected: .organization(.slug("acme-corp"), via: .header)),
    .init(name: "header: surrounding spaces trimmed", configuration: multi(.header), facts: .init(tenantHeader: "  acme "),
          expected: .organization(.slug("acme"), via: .header)),
    .init(name: "header: malformed value", configuration: multi(.header), facts: .init(tenantHeader: "acme corp!"),
          expected: .rejected(TenancyError(code: .invalidTenantID, message: ""))),
    .init(name: "header: empty value", configuration: multi(.header), facts: .init(tenantHeader: ""),
          expected: .rejected(TenancyError(code: .invalidTenantID, message: ""))),
    .init(name: "header: almost a uuid", configuration: multi(.header), facts: .init(tenantHeader: "0190f1e2-7a3b-7c4d-8e5f-a1b2c3d4e5f"),
          expected: .organization(.slug("0190f1e2-7a3b-7c4d-8e5f-a1b2c3d4e5f"), via: .header)),
    .init(name: "header: overlong value", configuration: multi(.header), facts: .init(tenantHeader: String(repeating: "a", count: 5000)),
          expected: .rejected(TenancyError(code: .invalidTenantID, message: ""))),
    .init(name: "header: two values joined by a comma", configuration: multi(.header), facts: .init(tenantHeader: "acme, globex"),
          expected: .rejected(TenancyError(code: .invalidTenantID, message: ""))),
    .init(name: "header: dot-dot", configuration: multi(.header), facts: .init(tenantHeader: "../globex"),
          expected: .rejected(TenancyError(code: .invalidTenantID, message: ""))),
    .init(name: "header: whitespace only", configuration: multi(.header), facts: .init(tenantHeader: "   "),
          expected: .rejected(TenancyError(code: .invalidTenantID, message: ""))),
    .init(name: "header: missing and required", configuration: multi(.header) { $0.requireTenantHeader = true }, facts: .init(),
          expected: .rejected(TenancyError(code: .tenantHeaderRequired, message: ""))),
    .init(name: "header: missing, default configured", configuration: multi(.header) { $0.defaultOrganization = .slug("acme") },
          facts: .init(), expected: .organization(.slug("acme"), via: .headerDefault)),
    .init(name: "header: missing, required wins over default",
          configuration: multi(.header) { $0.defaultOrganization = .slug("acme"); $0.requireTenantHeader = true },
          facts: .init(), expected: .rejected(TenancyError(code: .tenantHeaderRequired, message: ""))),
    .init(name: "header: missing, no default", configuration: multi(.header), facts: .init(), expected: .noTenant(.missingHeader)),
    .init(name: "header: host ignored", configuration: multi(.header), facts: .init(host: "globex.platform.com", tenantHeader: "acme"),
          expected: .organization(.slug("acme"), via: .header)),
]

private let pathCases: [ResolutionCase] = [
    .init(name: "path: subdomain key", configuration: multi(.path), facts: .init(pathKey: "acme"),
          expected: .organization(.slug("acme"), via: .path)),
    .init(name: "path: id key", configuration: multi(.path), facts: .init(pathKey: acmeID.description),
          expected: .organization(.id(acmeID), via: .path)),
    .init(name: "path: mixed-case key", configuration: multi(.path), facts: .init(pathKey: "ACME"),
          expected: .organization(.slug("acme"), via: .path)),
    .init(name: "path: dot-dot key refused", configuration: multi(.path), facts: .init(pathKey: ".."),
          expected: .rejected(TenancyError(code: .invalidTenantID, message: ""))),
    .init(name: "path: percent-encoded key refused", configuration: multi(.path), facts: .init(pathKey: "ac%6De"),
          expected: .rejected(TenancyError(code: .invalidTenantID, message: ""))),
    .init(name: "path: encoded slash in the key refused", configuration: multi(.path), facts: .init(pathKey: "acme%2Fglobex"),
          expected: .rejected(TenancyError(code: .invalidTenantID, message: ""))),
    .init(name: "path: double-encoded key refused", configuration: multi(.path), facts: .init(pathKey: "%2561cme"),
          expected: .rejected(TenancyError(code: .invalidTenantID, message: ""))),
    .init(name: "path: encoded dot-dot key refused", configuration: multi(.path), facts: .init(pathKey: "%2e%2e"),
          expected: .rejected(TenancyError(code: .invalidTenantID, message: ""))),
    .init(name: "path: 10 KB key refused", configuration: multi(.path), facts: .init(pathKey: String(repeating: "a", count: 10_000)),
          expected: .rejected(TenancyError(code: .invalidTenantID, message: ""))),
    .init(name: "path: no prefix", configuration: multi(.path), facts: .init(host: "acme.platform.com"),
          expected: .noTenant(.missingPathPrefix)),
]

private let singleTenantCases: [ResolutionCase] = [
    .init(name: "single-tenant: built-in default", configuration: TenancyConfiguration(), facts: .init(host: "anything.example"),
          expected: .organization(.slug("default"), via: .singleTenant)),
    .init(name: "single-tenant: configured default id", configuration: TenancyConfiguration(defaultOrganization: .id(acmeID)),
          facts: .init(host: "globex.localhost", tenantHeader: "globex", pathKey: "globex"), expected: .organization(.id(acmeID), via: .singleTenant)),
    .init(name: "single-tenant: configured default slug", configuration: TenancyConfiguration(defaultOrganization: .slug("acme")),
          facts: .init(), expected: .organization(.slug("acme"), via: .singleTenant)),
]

@Suite("Tenant resolution table")
struct TenantResolverTests {
    static let allCases = subdomainCases + domainCases + headerCases + pathCases + singleTenantCases

    @Test("The table covers every rule with at least 40 cases")
    func tableSize() {
        #expect(Self.allCases.count >= 40)
    }

    @Test(arguments: TenantResolverTests.allCases)
    func resolves(_ row: ResolutionCase) {
        let resolution = TenantResolver(configuration: row.configuration).resolve(row.facts)
        switch (resolution, row.expected) {
        case (.rejected(let actual), .rejected(let expected)):
            // Messages are prose; the code is the contract.
            #expect(actual.code == expected.code)
            #expect(!actual.message.isEmpty)
        default:
            #expect(resolution == row.expected)
        }
    }
}
