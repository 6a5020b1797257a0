import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing

@Suite("Tenant resolution strategies, end to end")
struct StrategyTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    @Test func subdomainStrategyServesEachOrganizationItsOwnTasks() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            for (tenant, other) in [(data.acme, data.globex), (data.globex, data.acme)] {
                let response = try await client.send(.get, "/api/tasks", host: "\(tenant.organization.subdomain).localhost:8080", token: tenant.token)
                #expect(response.status == .ok)
                #expect(response.headers[.tenantHeader] == tenant.organization.id.description)
                #expect(try response.json.ids(of: "tasks") == [tenant.task.id.description])
                for id in other.identifiers { #expect(!response.text.contains(id)) }
            }
            let central = try await client.send(.get, "/api/tasks", host: "localhost:8080")
            #expect(central.status == .notFound)
            #expect(central.problemCode == "tenant_not_found")
            #expect(central.headers[.tenantHeader] == nil)
            let unknown = try await client.send(.get, "/api/tasks", host: "initech.localhost")
            #expect(unknown.problemCode == "tenant_not_found")
            let foreign = try await client.send(.get, "/api/tasks", host: "acme.evil.com")
            #expect(foreign.problemCode == "tenant_not_found")
            let reserved = try await client.send(.get, "/api/tasks", host: "www.localhost")
            #expect(reserved.problemCode == "tenant_not_found")
        }
    }

    @Test func subdomainStrategyOverARealSocketUsesTheHostHeader() async throws {
        try await TestServer(environment: Self.multiTenant, live: true).run(seed: TwoTenants.seed) { client, _, data in
            let response = try await client.send(.get, "/api/projects", host: "globex.localhost", token: data.globex.token)
            #expect(response.status == .ok)
            #expect(try response.json.ids(of: "projects") == [data.globex.project.id.description])
        }
    }

    @Test func spoofedForwardedHostIsIgnoredUnlessTheProxyIsTrusted() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            let response = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token, headers: [.init("X-Forwarded-Host")!: "globex.localhost"])
            #expect(response.headers[.tenantHeader] == data.acme.organization.id.description)
        }
        try await TestServer(environment: Self.multiTenant.merging(["TRUST_PROXY": "true"]) { $1 }).run(seed: TwoTenants.seed) { client, _, data in
            let response = try await client.send(.get, "/api/tasks", host: "10.0.0.1", token: data.globex.token, headers: [.init("X-Forwarded-Host")!: "globex.localhost"])
            #expect(response.headers[.tenantHeader] == data.globex.organization.id.description)
        }
    }

    @Test func domainStrategyResolvesOnlyAllowedCustomDomains() async throws {
        let environment = Self.multiTenant.merging(["MULTI_TENANT_STRATEGY": "domain", "ALLOWED_DOMAINS": "acme.test, globex.test"]) { $1 }
        try await TestServer(environment: environment).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            // A real organization whose domain is not in ALLOWED_DOMAINS.
            _ = try await TwoTenants.seedOne(components, name: "initech", subdomain: "initech", domain: "initech.test")
            return data
        }) { client, _, data in
            let acme = try await client.send(.get, "/api/agents", host: "ACME.test.:443", token: data.acme.token)
            #expect(acme.status == .ok)
            #expect(try acme.json.ids(of: "agents") == [data.acme.agent.id.description])
            let unlisted = try await client.send(.get, "/api/agents", host: "initech.test")
            #expect(unlisted.problemCode == "tenant_not_found")
            let subdomainHost = try await client.send(.get, "/api/agents", host: "acme.localhost")
            #expect(subdomainHost.problemCode == "tenant_not_found")
        }
    }

    @Test func headerStrategyAcceptsIdSubdomainOrName() async throws {
        let environment = Self.multiTenant.merging(["MULTI_TENANT_STRATEGY": "header"]) { $1 }
        try await TestServer(environment: environment).run(seed: TwoTenants.seed) { client, _, data in
            for key in [data.globex.organization.id.description, "globex", data.globex.organization.id.description.uppercased()] {
                let response = try await client.send(.get, "/api/tasks", token: data.globex.token, headers: [.tenantHeader: key])
                #expect(response.status == .ok, "\(key)")
                #expect(try response.json.ids(of: "tasks") == [data.globex.task.id.description])
            }
            let byName = try await client.send(.get, "/api/tasks", token: data.acme.token, headers: [.tenantHeader: "acme-corp"])
            #expect(byName.headers[.tenantHeader] == data.acme.organization.id.description)

            let malformed = try await client.send(.get, "/api/tasks", headers: [.tenantHeader: "acme corp"])
            #expect(malformed.status == .badRequest)
            #expect(malformed.problemCode == "invalid_tenant_id")
            let unknown = try await client.send(.get, "/api/tasks", headers: [.tenantHeader: "00000000-0000-7000-8000-000000000000"])
            #expect(unknown.status == .notFound)
            #expect(unknown.problemCode == "tenant_not_found")
            let missing = try await client.send(.get, "/api/tasks")
            #expect(missing.status == .notFound)
            #expect(missing.problemCode == "tenant_not_found")
            // The host does not matter with the header strategy.
            let hostOnly = try await client.send(.get, "/api/tasks", host: "acme.localhost")
            #expect(hostOnly.problemCode == "tenant_not_found")
        }
    }

    @Test func headerStrategyWithCustomNameRequiredHeaderAndDefault() async throws {
        let required = Self.multiTenant.merging(
            ["MULTI_TENANT_STRATEGY": "header", "REQUIRE_TENANT_HEADER": "true", "TENANT_HEADER_NAME": "X-Org"]
        ) { $1 }
        try await TestServer(environment: required).run(seed: TwoTenants.seed) { client, _, data in
            let missing = try await client.send(.get, "/api/tasks", headers: [.tenantHeader: "acme"])
            #expect(missing.status == .badRequest)
            #expect(missing.problemCode == "tenant_header_required")
            let named = try await client.send(.get, "/api/tasks", token: data.acme.token, headers: [.init("x-org")!: "acme"])
            #expect(named.headers[.tenantHeader] == data.acme.organization.id.description)
        }
        let fallback = Self.multiTenant.merging(["MULTI_TENANT_STRATEGY": "header", "DEFAULT_ORGANIZATION_ID": "globex"]) { $1 }
        try await TestServer(environment: fallback).run(seed: TwoTenants.seed) { client, _, data in
            let response = try await client.send(.get, "/api/tasks", token: data.globex.token)
            #expect(response.headers[.tenantHeader] == data.globex.organization.id.description)
            let explicit = try await client.send(.get, "/api/tasks", token: data.acme.token, headers: [.tenantHeader: "acme"])
            #expect(explicit.headers[.tenantHeader] == data.acme.organization.id.description)
        }
    }

    @Test func pathStrategyStripsThePrefix() async throws {
        let environment = Self.multiTenant.merging(["MULTI_TENANT_STRATEGY": "path"]) { $1 }
        try await TestServer(environment: environment).run(seed: TwoTenants.seed) { client, services, data in
            let bySubdomain = try await client.send(.get, "/org/acme/api/tasks", token: data.acme.token)
            #expect(bySubdomain.status == .ok)
            #expect(try bySubdomain.json.ids(of: "tasks") == [data.acme.task.id.description])
            let byID = try await client.send(.get, "/org/\(data.globex.organization.id)/api/tasks/\(data.globex.task.id)", token: data.globex.token)
            #expect(byID.status == .ok)
            let byName = try await client.send(.get, "/org/acme-corp/api/projects?limit=5", token: data.acme.token)
            #expect(try byName.json.ids(of: "projects") == [data.acme.project.id.description])

            let noPrefix = try await client.send(.get, "/api/tasks")
            #expect(noPrefix.problemCode == "tenant_not_found")
            let traversal = try await client.send(.get, "/org/acme/../globex/api/tasks", token: data.acme.token)
            #expect(traversal.status == .badRequest)
            #expect(traversal.problemCode == "invalid_path")
            #expect(!traversal.text.contains(data.globex.task.id.description))
            let refusals = try await services.auditLog.entries(in: .platform, action: AuditAction.invalidPath.rawValue)
            let requestID = try #require(try traversal.json["requestId"]?.string)
            let refusal = try #require(refusals.first { $0.event.requestID == requestID })
            #expect(refusal.event.metadata["path"] == "/org/acme/../globex/api/tasks")
            #expect(refusal.event.organizationID == nil)
            let dotdot = try await client.send(.get, "/org/../api/tasks")
            #expect(dotdot.problemCode == "invalid_path")
            let encoded = try await client.send(.get, "/org/ac%6De/api/tasks")
            #expect(encoded.problemCode == "invalid_tenant_id")
            let central = try await client.send(.get, "/org/acme/health")
            #expect(central.status == .ok)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func singleTenantModeServesTheDefaultOrganizationCreatedOnFirstStart(backend: TestBackend) async throws {
        try await TestServer(backend: backend).run(seed: TwoTenants.seed) { client, services, data in
            let defaultOrganization = try #require(try await services.organizations.find(.slug("default")))
            // The first account signed up in single-tenant mode becomes the default organization's owner.
            let signUp = try await client.send(.post, "/api/auth/signup", json: #"{"email":"first@example.com","name":"First","password":"\#(TwoTenants.password)"}"#)
            #expect(signUp.status == .created)
            let token = try #require(try signUp.json["token"]?.string)
            let response = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: token, headers: [.tenantHeader: "acme"])
            #expect(response.status == .ok)
            #expect(response.headers[.tenantHeader] == defaultOrganization.id.description)
            #expect(try response.json.ids(of: "tasks") == [])
            #expect(!response.text.contains(data.acme.task.id.description))
        }
    }

    @Test func singleTenantModeWithAConfiguredDefault() async throws {
        try await TestServer(environment: ["DEFAULT_ORGANIZATION_ID": "acme"]).run(seed: TwoTenants.seed) { client, services, data in
            let response = try await client.send(.get, "/api/tasks", host: "globex.localhost", token: data.acme.token)
            #expect(try response.json.ids(of: "tasks") == [data.acme.task.id.description])
            #expect(try await services.organizations.find(.slug("default")) == nil)
        }
    }

    @Test func aDefaultThatNamesNoOrganizationStopsTheStart() async throws {
        let error = await #expect(throws: StartupError.self) {
            try await TestServer(environment: ["DEFAULT_ORGANIZATION_ID": "nowhere"]).run { _, _ in }
        }
        #expect(error?.description.contains("DEFAULT_ORGANIZATION_ID") == true)
    }

    @Test(arguments: [OrganizationStatus.suspended, .pending, .cancelled], TestBackend.allCases)
    func inactiveOrganizationsAreRefusedFromTheNextRequest(status: OrganizationStatus, backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: TwoTenants.seed) { client, services, data in
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).status == .ok)
            _ = try await services.organizations.setStatus(status, of: .id(data.acme.organization.id))
            let refused = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token)
            #expect(refused.status == .forbidden)
            #expect(refused.problemCode == "tenant_inactive")
            #expect(refused.text.contains(status.rawValue))
            #expect(try await client.send(.get, "/api/tasks", host: "globex.localhost", token: data.globex.token).status == .ok)
            _ = try await services.organizations.setStatus(.active, of: .id(data.acme.organization.id))
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).status == .ok)
        }
    }

    @Test func aNewOrganizationIsFoundRightAfterAMiss() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { $0 }) { client, _, components in
            #expect(try await client.send(.get, "/api/tasks", host: "hooli.localhost").problemCode == "tenant_not_found")
            let hooli = try await TwoTenants.seedOne(components, name: "hooli", subdomain: "hooli", domain: "hooli.test")
            #expect(try await client.send(.get, "/api/tasks", host: "hooli.localhost", token: hooli.token).status == .ok)
        }
    }

    @Test func centralRoutesNeedNoTenant() async throws {
        try await TestServer(environment: Self.multiTenant).run { client, _ in
            for host in ["localhost", "acme.localhost", "nobody.localhost", "127.0.0.1"] {
                let health = try await client.send(.get, "/health", host: host)
                #expect(health.status == .ok)
                #expect(health.headers[.tenantHeader] == nil)
            }
            let ready = try await client.send(.get, "/ready")
            #expect(ready.status == .ok)
            #expect(try ready.json["status"]?.string == "ready")
            #expect(try await client.send(.get, "/openapi.json").status == .ok)
        }
    }
}
