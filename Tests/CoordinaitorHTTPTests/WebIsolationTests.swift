import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Dashboard tenant isolation, from the other side")
struct WebIsolationTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    @Test(arguments: TestBackend.allCases)
    func aMemberOfOneOrganizationIsRefusedEveryPageAndFormOfAnother(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            // acme's owner also has an account that can sign in on globex's host.
            return data
        }) { client, services, data in
            var intruder = try await WebBrowser.signIn(client, host: "globex.localhost", email: data.acme.owner.email)
            for page in WebDashboardPageTests.pages {
                let response = try await intruder.get(page)
                #expect(response.status == .forbidden, "\(page)")
                #expect(response.text.contains("not a member of this organization"))
                for id in data.globex.identifiers { #expect(!response.text.contains(id), "\(page) leaks \(id)") }
            }
            // The forms too, with a valid session and token of its own.
            let forms: [(String, [String: String])] = [
                ("/dashboard/settings", ["displayName": "Owned", "contactEmail": "x@evil.test"]),
                ("/dashboard/members/invite", ["email": "spy@evil.test", "role": "admin"]),
                ("/dashboard/members/\(data.globex.owner.id)/remove", [:]),
                ("/dashboard/api-keys", ["name": "backdoor", "scope-write": "on"]),
            ]
            for (path, fields) in forms {
                let response = try await intruder.post(path, fields)
                #expect(response.status == .forbidden, "\(path)")
                #expect(response.text.contains("not a member of this organization"), "\(path): \(response.text)")
            }
            let globex = try #require(try await services.organizations.find(.id(data.globex.organization.id)))
            #expect(globex.displayName == data.globex.organization.displayName)
            #expect(try await services.apiKeys.list(in: TenantScope(globex), page: PageRequest()).items.isEmpty)
            #expect(try await services.store.memberships.find(in: TenantScope(globex), userID: data.globex.owner.id) != nil)
            await services.audit.flush()
            let refusals = try await services.auditLog.entries(in: AuditChain(data.globex.organization.id), action: "access.cross_tenant_denied")
            #expect(refusals.count >= WebDashboardPageTests.pages.count + forms.count)
            #expect(refusals.allSatisfy { $0.event.actor.email == data.acme.owner.email })
        }
    }

    @Test func aSessionFromOneHostIsNotSentToAnotherAndThePathCannotOverrideTheHost() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            var acme = try await WebBrowser.signIn(client, host: "acme.localhost", email: data.acme.owner.email)
            // The same cookie jar sent to globex's host: the membership check refuses it.
            acme.host = "globex.localhost"
            #expect(try await acme.get("/dashboard").status == .forbidden)
            // On acme's host, a path naming globex is refused rather than served.
            acme.host = "acme.localhost"
            let overridden = try await acme.get("/org/globex/dashboard")
            #expect(overridden.status == .badRequest)
            #expect(!overridden.text.contains(data.globex.organization.id.description))
        }
    }

    @Test func superAdminsMayCrossAndTheCrossingIsRecorded() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            _ = try await TwoTenants.member(components, of: nil, role: .member, email: "root@platform.test", isSuperAdmin: true)
            return data
        }) { client, services, data in
            var root = try await WebBrowser.signIn(client, host: "globex.localhost", email: "root@platform.test")
            let page = try await root.get("/dashboard/members")
            #expect(page.status == .ok)
            #expect(page.text.contains("super admin"))
            await services.audit.flush()
            let crossings = try await services.auditLog.entries(in: AuditChain(data.globex.organization.id), action: "access.super_admin_crossing")
            #expect(crossings.contains { $0.event.actor.email == "root@platform.test" })
        }
    }

    @Test func thePathStrategyServesTheDashboardUnderItsPrefix() async throws {
        let environment = Self.multiTenant.merging(["MULTI_TENANT_STRATEGY": "path"]) { $1 }
        try await TestServer(environment: environment).run(seed: TwoTenants.seed) { client, _, data in
            var browser = try await WebBrowser.signIn(client, host: "localhost:8080", prefix: "/org/acme", email: data.acme.owner.email)
            let page = try await browser.get("/dashboard/usage")
            #expect(page.status == .ok)
            #expect(page.text.contains("href=\"/org/acme/dashboard/members\""))
            #expect(page.text.contains("action=\"/org/acme/logout\""))
            browser.prefix = "/org/globex"
            #expect(try await browser.get("/dashboard").status == .forbidden)
        }
    }

    @Test func theHeaderStrategyReachesTheDashboardByPathAndTheCentralHostListsOrganizations() async throws {
        let environment = Self.multiTenant.merging(["MULTI_TENANT_STRATEGY": "header"]) { $1 }
        try await TestServer(environment: environment).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            // acme's owner also belongs to globex.
            let now = Date()
            _ = try await components.services.store.memberships.add(
                in: TenantScope(data.globex.organization),
                Membership(organizationID: data.globex.organization.id, userID: data.acme.owner.id, role: .viewer, createdAt: now, updatedAt: now),
                limits: .unlimited(in: UsagePeriod(containing: now)))
            return data
        }) { client, _, data in
            var browser = try await WebBrowser.signIn(client, host: "localhost:8080", email: data.acme.owner.email)
            let chooser = try await browser.get("/dashboard")
            #expect(chooser.status == .ok)
            #expect(chooser.text.contains("href=\"/org/acme/dashboard\""))
            #expect(chooser.text.contains("href=\"/org/globex/dashboard\""))
            let globex = try await browser.get("/org/globex/dashboard")
            #expect(globex.status == .ok)
            #expect(globex.text.contains("Switch organization"))
            #expect(globex.text.contains("role-badge\">viewer"))
        }
    }

    @Test func suspendedOrganizationsAreNotServed() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, services, data in
            var owner = try await WebBrowser.signIn(client, host: "acme.localhost", email: data.acme.owner.email)
            _ = try await services.organizations.setStatus(.suspended, of: .id(data.acme.organization.id))
            let page = try await owner.get("/dashboard")
            #expect(page.status == .forbidden)
            #expect(page.text.contains("suspended"))
        }
    }
}
