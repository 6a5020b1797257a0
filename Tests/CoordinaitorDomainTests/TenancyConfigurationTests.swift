import CoordinaitorDomain
import Testing

@Suite("Tenancy configuration from the environment")
struct TenancyConfigurationTests {
    private func parse(_ values: [String: String]) throws(SettingError) -> TenancyConfiguration {
        try TenancyConfiguration(reading: { values[$0] })
    }

    @Test func defaultsAreSingleTenantOnLocalhost() throws {
        let configuration = try self.parse([:])
        #expect(!configuration.multiTenantEnabled)
        #expect(configuration.strategy == .subdomain)
        #expect(configuration.platformDomain == "localhost")
        #expect(configuration.tenantHeaderName == "x-tenant-id")
        #expect(!configuration.requireTenantHeader)
        #expect(!configuration.trustProxy)
        #expect(configuration.singleTenantKey == .slug("default"))
    }

    @Test func readsEveryDocumentedVariable() throws {
        let configuration = try self.parse([
            "MULTI_TENANT_ENABLED": "true",
            "MULTI_TENANT_STRATEGY": "Header",
            "DEFAULT_ORGANIZATION_ID": "acme",
            "ALLOWED_DOMAINS": " Acme.com , globex.com ,",
            "REQUIRE_TENANT_HEADER": "true",
            "TENANT_HEADER_NAME": "X-Org",
            "PLATFORM_DOMAIN": "Platform.com.",
            "TRUST_PROXY": "1",
        ])
        #expect(configuration.multiTenantEnabled)
        #expect(configuration.strategy == .header)
        #expect(configuration.defaultOrganization == .slug("acme"))
        #expect(configuration.allowedDomains == ["acme.com", "globex.com"])
        #expect(configuration.requireTenantHeader)
        #expect(configuration.tenantHeaderName == "x-org")
        #expect(configuration.platformDomain == "platform.com")
        #expect(configuration.trustProxy)
    }

    @Test(arguments: [
        ("MULTI_TENANT_ENABLED", "maybe", "true or false"),
        ("MULTI_TENANT_STRATEGY", "cookie", "one of subdomain, domain, header, path"),
        ("DEFAULT_ORGANIZATION_ID", "not a slug!", "UUID, subdomain or name"),
        ("ALLOWED_DOMAINS", "acme.com,bad domain", "host names"),
        ("REQUIRE_TENANT_HEADER", "yes please", "true or false"),
        ("TENANT_HEADER_NAME", "X Tenant", "HTTP header name"),
        ("PLATFORM_DOMAIN", "http://platform.com", "host name"),
        ("TRUST_PROXY", "2", "true or false"),
    ])
    func badValueNamesTheVariableAndTheAllowedValues(variable: String, value: String, expected: String) {
        #expect {
            _ = try self.parse([variable: value])
        } throws: { error in
            guard let error = error as? SettingError else { return false }
            return error.variable == variable && error.description.contains(variable) && error.description.contains(expected)
                && !error.description.contains("\n")
        }
    }
}
