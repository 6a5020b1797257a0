import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import CoordinaitorWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Dashboard tenant isolation, from the other side")
struct WebIsolationTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    /// What each `{parameter}` of a dashboard route is filled with: the other organization's ids, or ids that exist
    /// nowhere. A route with a parameter missing here fails the suite, so every new route gets an entry.
    static func parameterValues(_ data: TwoTenants) -> [String: String] {
        [
            "userId": data.globex.owner.id.description,
            "invitationId": UUID().uuidString.lowercased(),
            "keyId": UUID().uuidString.lowercased(),
            "webhookId": UUID().uuidString.lowercased(),
            "id": data.globex.organization.id.description,
        ]
    }

    static func fill(_ route: WebRouteTable.Route, with values: [String: String]) -> String? {
        var path = route.path
        for name in route.parameters {
            guard let value = values[name] else { return nil }
            path = path.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return path
    }

    @Test(arguments: TestBackend.allCases)
    func everyDashboardRouteRefusesAMemberOfAnotherOrganization(backend: TestBackend) async throws {
        let server = TestServer(environment: Self.multiTenant, backend: backend)
        let routes = try await server.webRoutes().filter { $0.area == .dashboard }
        #expect(routes.count >= 18, "the route table lists the dashboard")
        try await server.run(seed: TwoTenants.seed) { client, services, data in
            var intruder = try await WebBrowser.signIn(client, host: "globex.localhost", email: data.acme.owner.email)
            var anonymous = WebBrowser(client, host: "globex.localhost")
            let values = Self.parameterValues(data)
            let fields = ["displayName": "Owned", "contactEmail": "x@evil.test", "email": "spy@evil.test", "role": "admin", "name": "backdoor",
                "scope-write": "on", "url": "https://evil.test/hook", "event-task.created": "on"]
            for route in routes {
                guard let path = Self.fill(route, with: values) else {
                    Issue.record("\(route) has a parameter without an entry in WebIsolationTests.parameterValues")
                    continue
                }
                let response = route.method == "GET" ? try await intruder.get(path) : try await intruder.post(path, fields)
                #expect(response.status == .forbidden, "\(route)")
                #expect(response.text.contains("not a member of this organization"), "\(route)")
                for id in data.globex.identifiers where id != data.globex.organization.id.description || route.parameters.isEmpty {
                    #expect(!response.text.contains(id), "\(route) shows globex's \(id)")
                }
                let stranger = route.method == "GET" ? try await anonymous.get(path) : try await anonymous.post(path, fields)
                #expect(stranger.status == (route.method == "GET" ? .seeOther : .forbidden), "anonymous \(route)")
            }
            let globex = try #require(try await services.organizations.find(.id(data.globex.organization.id)))
            #expect(globex.displayName == data.globex.organization.displayName)
            #expect(try await services.apiKeys.list(in: TenantScope(globex), page: PageRequest()).items.isEmpty)
            #expect(try await services.webhooks.list(in: TenantScope(globex), page: PageRequest()).items.isEmpty)
            #expect(try await services.invitations.list(in: TenantScope(globex), page: PageRequest()).items.isEmpty)
            #expect(try await services.store.memberships.find(in: TenantScope(globex), userID: data.globex.owner.id)?.role == .owner)
            await services.audit.flush()
            let refusals = try await services.auditLog.entries(in: AuditChain(data.globex.organization.id), action: "access.cross_tenant_denied")
            #expect(refusals.count == routes.count, "every attempt is recorded in globex's log")
            #expect(refusals.allSatisfy { $0.event.actor.email == data.acme.owner.email })
        }
    }

    @Test func everyConsoleRouteRefusesAnyoneButASuperAdmin() async throws {
        let server = TestServer(environment: Self.multiTenant)
        let routes = try await server.webRoutes().filter { $0.area == .console }
        #expect(routes.count >= 4)
        try await server.run(seed: TwoTenants.seed) { client, services, data in
            var owner = try await WebBrowser.signIn(client, host: "localhost:8080", email: data.acme.owner.email)
            for route in routes {
                guard let path = Self.fill(route, with: Self.parameterValues(data)) else {
                    Issue.record("\(route) has a parameter without an entry in WebIsolationTests.parameterValues")
                    continue
                }
                let response = route.method == "GET" ? try await owner.get(path) : try await owner.post(path, ["status": "suspended", "tier": "free"])
                #expect(response.status == .forbidden, "\(route)")
                #expect(!response.text.contains(data.globex.task.id.description))
            }
            #expect(try await services.organizations.find(.id(data.globex.organization.id))?.status == .active)
            #expect(try await services.organizations.find(.id(data.globex.organization.id))?.tier == .professional)
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
