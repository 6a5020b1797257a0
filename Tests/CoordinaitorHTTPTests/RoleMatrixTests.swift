import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorHTTP
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every route × every role, from the route table: a role without the route's permission gets 403, a role with it
/// gets past authorization (whatever the handler then answers). A route missing from ``RouteRequirement/table`` fails the suite.
@Suite("Role × route matrix")
struct RoleMatrixTests {
    static let environment = ["MULTI_TENANT_ENABLED": "true"]

    @Test func everyRouteHasARequirement() async throws {
        for route in try await TestServer(environment: Self.environment).routes() {
            #expect(RouteRequirement.table[route.description] != nil, "Add \(route) to RouteRequirement.table")
        }
    }

    @Test(arguments: Role.allCases, TestBackend.allCases)
    func eachRoleReachesExactlyWhatItsPermissionsAllow(role: Role, backend: TestBackend) async throws {
        let routes = try await TestServer(environment: Self.environment).routes()
        try await TestServer(environment: Self.environment, backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            let caller = role == .owner ? (data.acme.owner, data.acme.token)
                : try await TwoTenants.member(components, of: data.acme, role: role, email: "\(role.rawValue)-caller@acme.test")
            return (data, caller.1)
        }) { client, _, seeded in
            let (data, token) = seeded
            let organization = data.acme.organization.id.description
            let missing = "00000000-0000-7000-8000-000000000000"
            // The organization's own DELETE would cancel it for the remaining routes: it goes last.
            let isCancel = { (route: RouteRegistry.Route) in route.description == "DELETE /api/organizations/{id}" }
            let ordered = routes.filter { !isCancel($0) } + routes.filter(isCancel)
            for route in ordered {
                let requirement = try #require(RouteRequirement.table[route.description])
                if case .open = requirement { continue }
                if case .metricsToken = requirement { continue }
                var path = route.path.replacingOccurrences(of: "/api/organizations/{id}", with: "/api/organizations/\(organization)")
                for parameter in ["{id}", "{userId}", "{invitationId}", "{keyId}"] { path = path.replacingOccurrences(of: parameter, with: missing) }
                path = path.replacingOccurrences(of: "{name}", with: TenantData.artifactName)
                let response = try await client.send(HTTPRequest.Method(route.method)!, path, host: "acme.localhost", token: token)
                let denied = response.status == .forbidden || response.status == .unauthorized
                let expectedDenied = !requirement.allows(role)
                #expect(denied == expectedDenied, "\(role) \(route): \(response.status) \(response.problemCode ?? "")")
            }
        }
    }

    /// Every route that names an organization, called by another organization's owner: refused, never served.
    @Test(arguments: TestBackend.allCases)
    func anotherOrganizationsOwnerIsRefusedOnEveryOrganizationRoute(backend: TestBackend) async throws {
        let routes = try await TestServer(environment: Self.environment).routes()
        let tenantRoutes = routes.filter(\.isTenantRoute)
        let organizationRoutes = routes.filter { $0.path.hasPrefix("/api/organizations/{id}") }
        #expect(!tenantRoutes.isEmpty && !organizationRoutes.isEmpty)
        try await TestServer(environment: Self.environment, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            let missing = "00000000-0000-7000-8000-000000000000"
            for route in tenantRoutes + organizationRoutes {
                var path = route.path.replacingOccurrences(of: "/api/organizations/{id}", with: "/api/organizations/\(data.acme.organization.id)")
                for parameter in ["{id}", "{userId}", "{invitationId}", "{keyId}"] { path = path.replacingOccurrences(of: parameter, with: missing) }
                path = path.replacingOccurrences(of: "{name}", with: TenantData.artifactName)
                // The tenant routes name acme by host; globex's owner holds the token.
                let response = try await client.send(HTTPRequest.Method(route.method)!, path, host: "acme.localhost", token: data.globex.token)
                #expect(response.status == .forbidden, "\(route): \(response.status)")
                #expect(["cross_tenant_access_denied", "super_admin_required"].contains(response.problemCode ?? ""), "\(route)")
                for id in data.acme.identifiers where !path.contains(id) { #expect(!response.text.contains(id), "\(route)") }
            }
        }
    }
}
