import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorHTTP
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every route × every role, from the route table: a role without the route's permission gets 403, a role with it
/// gets past authorization (whatever the handler then answers). A route missing from `requirements` fails the suite.
@Suite("Role × route matrix")
struct RoleMatrixTests {
    enum Requirement: Sendable {
        /// Needs no identity.
        case open
        /// Any signed-in user.
        case signedIn
        /// Any member of the organization, whatever the role.
        case member
        /// A permission in the organization.
        case permission(Permission)
        /// A platform super admin.
        case superAdmin
    }

    static let requirements: [String: Requirement] = [
        "GET /health": .open, "GET /ready": .open, "GET /openapi.json": .open, "GET /metrics": .open,
        "POST /api/auth/signup": .open, "POST /api/auth/login": .open, "GET /api/auth/me": .signedIn,
        "POST /api/invitations/accept": .signedIn,
        "GET /api/organizations": .signedIn, "POST /api/organizations": .signedIn,
        "GET /api/organizations/{id}": .member,
        "PATCH /api/organizations/{id}": .permission(.manageSettings),
        "DELETE /api/organizations/{id}": .permission(.deleteOrganization),
        "POST /api/organizations/{id}/suspend": .superAdmin,
        "POST /api/organizations/{id}/reactivate": .superAdmin,
        "PUT /api/organizations/{id}/tier": .superAdmin,
        "POST /api/organizations/{id}/purge": .superAdmin,
        "GET /api/organizations/{id}/members": .member,
        "PATCH /api/organizations/{id}/members/{userId}": .permission(.manageMembers),
        "DELETE /api/organizations/{id}/members/{userId}": .permission(.manageMembers),
        "POST /api/organizations/{id}/transfer-ownership": .permission(.transferOwnership),
        "GET /api/organizations/{id}/invitations": .permission(.manageInvitations),
        "POST /api/organizations/{id}/invitations": .permission(.manageInvitations),
        "DELETE /api/organizations/{id}/invitations/{invitationId}": .permission(.manageInvitations),
        "GET /api/organizations/{id}/api-keys": .permission(.manageAPIKeys),
        "POST /api/organizations/{id}/api-keys": .permission(.manageAPIKeys),
        "DELETE /api/organizations/{id}/api-keys/{keyId}": .permission(.manageAPIKeys),
        "GET /api/organizations/{id}/usage": .permission(.readUsage),
        "GET /api/organizations/{id}/limits": .permission(.readUsage),
        "GET /api/organizations/{id}/stats": .permission(.readUsage),
        "PUT /api/organizations/{id}/plan-overrides": .superAdmin,
        "GET /api/organizations/{id}/audit-logs": .permission(.readAuditLog),
        "GET /api/organizations/{id}/audit-logs/verify": .permission(.readAuditLog),
        "GET /api/organizations/{id}/audit-logs/export": .permission(.readAuditLog),
        "GET /api/admin/audit-logs": .superAdmin, "GET /api/admin/audit-logs/verify": .superAdmin,
        "GET /api/admin/audit-logs/export": .superAdmin,
        "GET /api/projects": .permission(.readResources), "POST /api/projects": .permission(.writeResources),
        "GET /api/projects/{id}": .permission(.readResources), "PATCH /api/projects/{id}": .permission(.writeResources),
        "DELETE /api/projects/{id}": .permission(.writeResources),
        "GET /api/agents": .permission(.readResources), "POST /api/agents": .permission(.writeResources),
        "GET /api/agents/{id}": .permission(.readResources), "PATCH /api/agents/{id}": .permission(.writeResources),
        "DELETE /api/agents/{id}": .permission(.writeResources),
        "GET /api/tasks": .permission(.readResources), "POST /api/tasks": .permission(.writeResources),
        "GET /api/tasks/{id}": .permission(.readResources), "PATCH /api/tasks/{id}": .permission(.writeResources),
        "DELETE /api/tasks/{id}": .permission(.writeResources),
        "GET /api/tasks/{id}/artifacts": .permission(.readResources),
        "PUT /api/tasks/{id}/artifacts/{name}": .permission(.writeResources),
        "GET /api/tasks/{id}/artifacts/{name}": .permission(.readResources),
        "DELETE /api/tasks/{id}/artifacts/{name}": .permission(.writeResources),
        "GET /api/webhooks": .permission(.manageWebhooks), "POST /api/webhooks": .permission(.manageWebhooks),
        "GET /api/webhooks/{id}": .permission(.manageWebhooks), "DELETE /api/webhooks/{id}": .permission(.manageWebhooks),
        "GET /api/webhooks/{id}/deliveries": .permission(.manageWebhooks),
    ]

    static let environment = ["MULTI_TENANT_ENABLED": "true"]

    @Test func everyRouteHasARequirement() async throws {
        for route in try await TestServer(environment: Self.environment).routes() {
            #expect(Self.requirements[route.description] != nil, "Add \(route) to RoleMatrixTests.requirements")
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
                let requirement = try #require(Self.requirements[route.description])
                if case .open = requirement { continue }
                var path = route.path.replacingOccurrences(of: "/api/organizations/{id}", with: "/api/organizations/\(organization)")
                for parameter in ["{id}", "{userId}", "{invitationId}", "{keyId}"] { path = path.replacingOccurrences(of: parameter, with: missing) }
                path = path.replacingOccurrences(of: "{name}", with: TenantData.artifactName)
                let response = try await client.send(HTTPRequest.Method(route.method)!, path, host: "acme.localhost", token: token)
                let denied = response.status == .forbidden || response.status == .unauthorized
                let expectedDenied: Bool =
                    switch requirement {
                    case .open, .signedIn, .member: false
                    case .permission(let permission): !role.permissions.contains(permission)
                    case .superAdmin: true
                    }
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
