import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Platform console")
struct WebConsoleTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    private static func seed(_ components: ServerComponents) async throws -> TwoTenants {
        let data = try await TwoTenants.seed(components)
        _ = try await TwoTenants.member(components, of: nil, role: .member, email: "root@platform.test", isSuperAdmin: true)
        return data
    }

    @Test func onlySuperAdminsSeeTheConsole() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: Self.seed) { client, _, data in
            var anonymous = WebBrowser(client, host: "localhost:8080")
            let redirect = try await anonymous.get("/admin")
            #expect(redirect.status == .seeOther)
            #expect(redirect.headers[.location] == "/login?next=/admin")
            var owner = try await WebBrowser.signIn(client, host: "localhost:8080", email: data.acme.owner.email)
            let refused = try await owner.get("/admin")
            #expect(refused.status == .forbidden)
            #expect(!refused.text.contains(data.globex.organization.id.description))
            #expect(try await owner.post("/admin/organizations/\(data.globex.organization.id)/status", ["status": "suspended"]).status == .forbidden)
        }
    }

    @Test func superAdminsFilterSuspendReactivateAndChangeTiers() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: Self.seed) { client, services, data in
            var root = try await WebBrowser.signIn(client, host: "localhost:8080", email: "root@platform.test")
            let all = try await root.get("/admin")
            #expect(all.status == .ok)
            #expect(all.text.contains("data-organization-id=\"\(data.acme.organization.id)\""))
            #expect(all.text.contains("data-organization-id=\"\(data.globex.organization.id)\""))
            #expect(all.usageBars["tasksPerMonth"] != nil)
            let searched = try await root.get("/admin?search=glob")
            #expect(!searched.text.contains("data-organization-id=\"\(data.acme.organization.id)\""))
            #expect(searched.text.contains("data-organization-id=\"\(data.globex.organization.id)\""))
            #expect(try await root.get("/admin?tier=free").text.contains("No organizations match."))
            #expect(try await root.get("/admin?tier=gold").status == .badRequest)
            // Not on an organization's host, even for a super admin signed in there.
            var onTenantHost = try await WebBrowser.signIn(client, host: "acme.localhost:8080", email: "root@platform.test")
            #expect(try await onTenantHost.get("/admin").status == .notFound)

            let acme = data.acme.organization.id
            #expect(try await root.post("/admin/organizations/\(acme)/status", ["status": "suspended"]).status == .seeOther)
            #expect(try await services.organizations.find(.id(acme))?.status == .suspended)
            #expect(try await root.get("/admin?status=suspended").text.contains("data-organization-id=\"\(acme)\""))
            #expect(try await root.post("/admin/organizations/\(acme)/status", ["status": "active"]).status == .seeOther)
            #expect(try await services.organizations.find(.id(acme))?.status == .active)
            #expect(try await root.post("/admin/organizations/\(acme)/status", ["status": "cancelled"]).status == .unprocessableContent)

            #expect(try await root.post("/admin/organizations/\(acme)/tier", ["tier": "enterprise"]).status == .seeOther)
            #expect(try await services.organizations.find(.id(acme))?.tier == .enterprise)
            // Without the token, nothing changes.
            #expect(try await root.post("/admin/organizations/\(acme)/tier", ["tier": "free"], csrf: .some(nil)).status == .forbidden)
            #expect(try await services.organizations.find(.id(acme))?.tier == .enterprise)

            // A refused sign-in is a platform event.
            var stranger = WebBrowser(client, host: "localhost:8080")
            try await stranger.get("/login")
            #expect(try await stranger.post("/login", ["email": "nobody@nowhere.test", "password": "wrong password"]).status == .unauthorized)
            await services.audit.flush()
            let audit = try await root.get("/admin/audit")
            #expect(audit.status == .ok)
            #expect(audit.text.contains("<code>auth.sign_in_failed</code>"))
            let filtered = try await root.get("/admin/audit?action=auth.*&result=denied")
            #expect(filtered.text.contains("<code>auth.sign_in_failed</code>"))
        }
    }
}
