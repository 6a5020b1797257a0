import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing

@Suite("Who may act in an organization")
struct AccessTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    @Test(arguments: TestBackend.allCases)
    func anotherOrganizationsIdentityIsRefusedAndRecorded(backend: TestBackend) async throws {
        let logs = RecordingLogHandler()
        try await TestServer(environment: Self.multiTenant, backend: backend, logHandler: logs).run(seed: TwoTenants.seed) { client, _, data in
            // Every tenant route, with globex's owner naming acme.
            for (method, path) in [(HTTPRequest.Method.get, "/api/tasks"), (.post, "/api/projects"), (.get, "/api/agents/\(data.acme.agent.id)"),
                                   (.delete, "/api/tasks/\(data.acme.task.id)")] {
                let response = try await client.send(method, path, host: "acme.localhost", token: data.globex.token, json: method == .post ? #"{"name":"x"}"# : nil)
                #expect(response.status == .forbidden, "\(method) \(path)")
                #expect(response.problemCode == "cross_tenant_access_denied")
                for id in data.acme.identifiers where !path.contains(id) { #expect(!response.text.contains(id)) }
            }
            let unauthenticated = try await client.send(.get, "/api/tasks", host: "acme.localhost")
            #expect(unauthenticated.status == .unauthorized)
            #expect(unauthenticated.problemCode == "authentication_required")
        }
        let denials = logs.recorded.filter { $0.metadata["security.event"] == "access.cross_tenant_denied" }
        #expect(denials.count == 4)
        #expect(denials.first?.level == .warning)
        #expect(denials.allSatisfy { $0.metadata["user.email"] == "owner@globex.test" && $0.metadata["hb.request.id"] != nil })
    }

    @Test func superAdminsMayCrossAndEveryCrossingIsRecorded() async throws {
        let logs = RecordingLogHandler()
        try await TestServer(environment: Self.multiTenant, logHandler: logs).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            let admin = try await TwoTenants.member(components, of: nil, role: .owner, email: "root@platform.test", isSuperAdmin: true)
            return (data, admin.token)
        }) { client, _, seeded in
            let (data, adminToken) = seeded
            let response = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: adminToken)
            #expect(response.status == .ok)
            #expect(try response.json.ids(of: "tasks") == [data.acme.task.id.description])
            #expect(try await client.send(.get, "/api/organizations/\(data.globex.organization.id)", token: adminToken).status == .ok)
            let all = try await client.send(.get, "/api/organizations", token: adminToken).json
            #expect(Set(all.ids(of: "organizations")).isSuperset(of: [data.acme.organization.id.description, data.globex.organization.id.description]))
            let searched = try await client.send(.get, "/api/organizations?search=GLOB&tier=professional", token: adminToken).json
            #expect(searched.ids(of: "organizations") == [data.globex.organization.id.description])
            #expect(try await client.send(.get, "/api/organizations?tier=gold", token: adminToken).problemCode == "invalid_query_parameter")
        }
        let crossings = logs.recorded.filter { $0.metadata["security.event"] == "access.super_admin_crossing" }
        #expect(crossings.count == 2)
        #expect(crossings.first?.metadata["user.email"] == "root@platform.test")
        #expect(crossings.first?.metadata["action"] == "GET /api/tasks")
    }

    /// The organization list's filters mean the same, and are checked the same, for members as for super admins.
    @Test func membersFilterTheirOrganizationsLikeSuperAdmins() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            let acme = data.acme.organization
            let token = data.acme.token
            #expect(try await client.send(.get, "/api/organizations?tier=gold", token: token).problemCode == "invalid_query_parameter")
            let searched = try await client.send(.get, "/api/organizations?search=\(acme.subdomain.uppercased())&tier=\(acme.tier.rawValue)", token: token)
            #expect(try searched.json.ids(of: "organizations") == [acme.id.description])
            let otherTier: Tier = acme.tier == .enterprise ? .free : .enterprise
            #expect(try await client.send(.get, "/api/organizations?tier=\(otherTier.rawValue)", token: token).json.ids(of: "organizations").isEmpty)
            #expect(try await client.send(.get, "/api/organizations?search=globex", token: token).json.ids(of: "organizations").isEmpty)
        }
    }

    @Test func anAnonymousMemberRemovalIsUnauthenticatedWhateverThePathSays() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            for member in ["not-a-user-id", data.acme.owner.id.description] {
                let response = try await client.send(.delete, "/api/organizations/\(data.acme.organization.id)/members/\(member)")
                #expect(response.status == .unauthorized, "\(member)")
            }
        }
    }

    /// viewer reads; member writes; billing sees usage and billing only.
    @Test(arguments: [(Role.viewer, true, false), (.member, true, true), (.admin, true, true), (.billing, false, false), (.owner, true, true)])
    func rolesGateReadsAndWrites(role: Role, mayRead: Bool, mayWrite: Bool) async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            return (data, try await TwoTenants.member(components, of: data.acme, role: role, email: "\(role.rawValue)-member@acme.test").token)
        }) { client, _, seeded in
            let (data, token) = seeded
            let read = try await client.send(.get, "/api/projects", host: "acme.localhost", token: token)
            #expect(read.status == (mayRead ? .ok : .forbidden))
            let write = try await client.send(.patch, "/api/projects/\(data.acme.project.id)", host: "acme.localhost", token: token, json: #"{"status":"paused"}"#)
            #expect(write.status == (mayWrite ? .ok : .forbidden))
            if !mayWrite { #expect(write.problemCode == "permission_denied") }
        }
    }
}

@Suite("Organization API")
struct OrganizationAPITests {
    static let seedExample = #"{"name":"acme-corp","displayName":"Acme Corporation","subdomain":"acme","tier":"professional","contactEmail":"admin@acme.com"}"#

    @Test(arguments: TestBackend.allCases)
    func theSeedExampleNeedsASuperAdminForItsTier(backend: TestBackend) async throws {
        try await TestServer(environment: ["MULTI_TENANT_ENABLED": "true"], backend: backend).run(seed: { components in
            let user = try await TwoTenants.member(components, of: nil, role: .owner, email: "user@example.com")
            let admin = try await TwoTenants.member(components, of: nil, role: .owner, email: "root@example.com", isSuperAdmin: true)
            return (user.token, admin.token)
        }) { client, _, tokens in
            let (userToken, adminToken) = tokens
            #expect(try await client.send(.post, "/api/organizations", json: Self.seedExample).status == .unauthorized)
            let refused = try await client.send(.post, "/api/organizations", token: userToken, json: Self.seedExample)
            #expect(refused.status == .forbidden)
            #expect(refused.problemCode == "tier_requires_super_admin")

            let created = try await client.send(.post, "/api/organizations", token: adminToken, json: Self.seedExample)
            #expect(created.status == .created)
            #expect(try created.json["tier"]?.string == "professional")
            let taken = try await client.send(.post, "/api/organizations", token: adminToken, json: Self.seedExample)
            #expect(taken.status == .conflict)

            let free = try await client.send(
                .post, "/api/organizations", token: userToken,
                json: #"{"name":"initech","displayName":"Initech","subdomain":"initech","contactEmail":"it@initech.com"}"#)
            #expect(free.status == .created)
            let id = try #require(try free.json["id"]?.string)
            let me = try await client.send(.get, "/api/auth/me", token: userToken).json
            #expect(me["memberships"]?.array.first?["organizationId"]?.string == id)
            #expect(me["memberships"]?.array.first?["role"]?.string == "owner")
            // The new organization is served right away, to its owner.
            #expect(try await client.send(.get, "/api/tasks", host: "initech.localhost", token: userToken).status == .ok)
            let mine = try await client.send(.get, "/api/organizations", token: userToken).json
            #expect(mine.ids(of: "organizations") == [id])

            let badField = try await client.send(.post, "/api/organizations", token: userToken, json: #"{"name":"Bad Name","displayName":"x","subdomain":"www","contactEmail":"x"}"#)
            #expect(badField.status == .unprocessableContent)
            #expect(Set(try badField.json["errors"]?.array.compactMap { $0["field"]?.string } ?? []) == ["name", "subdomain", "contactEmail"])
        }
    }

    @Test(arguments: TestBackend.allCases)
    func concurrentCreationsOfOneSubdomainHaveOneWinner(backend: TestBackend) async throws {
        try await TestServer(environment: ["MULTI_TENANT_ENABLED": "true"], backend: backend).run(seed: { components in
            try await TwoTenants.member(components, of: nil, role: .owner, email: "racer@example.com").token
        }) { client, services, token in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        try await client.send(
                            .post, "/api/organizations", token: token,
                            json: #"{"name":"hooli-\#(index)","displayName":"Hooli","subdomain":"hooli","contactEmail":"a@hooli.com"}"#
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 9)
            let winner = try #require(try await services.organizations.find(.slug("hooli")))
            let members = try await services.store.memberships.list(in: TenantScope(winner), page: PageRequest())
            #expect(members.items.count == 1)
        }
    }

    @Test func readingAndChangingOneOrganization() async throws {
        try await TestServer(environment: ["MULTI_TENANT_ENABLED": "true"]).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            return (data, try await TwoTenants.member(components, of: data.acme, role: .viewer, email: "viewer@acme.test").token)
        }) { client, _, seeded in
            let (data, viewerToken) = seeded
            let acmeID = data.acme.organization.id
            #expect(try await client.send(.get, "/api/organizations/\(acmeID)", token: viewerToken).status == .ok)
            let other = try await client.send(.get, "/api/organizations/\(data.globex.organization.id)", token: data.acme.token)
            #expect(other.problemCode == "cross_tenant_access_denied")
            #expect(!other.textWithoutEcho.contains("globex"))
            let byViewer = try await client.send(.patch, "/api/organizations/\(acmeID)", token: viewerToken, json: #"{"displayName":"Mine now"}"#)
            #expect(byViewer.problemCode == "permission_denied")
            let patched = try await client.send(
                .patch, "/api/organizations/\(acmeID)", token: data.acme.token,
                json: ##"{"displayName":"Acme Rockets","settings":{"branding":{"primaryColor":"#ff5500"}}}"##)
            #expect(patched.status == .ok)
            #expect(try patched.json["displayName"]?.string == "Acme Rockets")
            #expect(try patched.json["settings"]?["branding"]?["primaryColor"]?.string == "#ff5500")
            for forbidden in [#"{"tier":"enterprise"}"#, #"{"status":"active"}"#, #"{"subdomain":"globex"}"#] {
                let refused = try await client.send(.patch, "/api/organizations/\(acmeID)", token: data.acme.token, json: forbidden)
                #expect(refused.status == .unprocessableContent, "\(forbidden)")
            }
            // A tenant named by the request must be the organization in the URL.
            let mismatch = try await client.send(.get, "/api/organizations/\(acmeID)", host: "globex.localhost", token: data.acme.token)
            #expect(mismatch.problemCode == "cross_tenant_access_denied")
        }
    }
}

@Suite("Super-admin and owner operations on organizations")
struct OrganizationLifecycleTests {
    @Test(arguments: TestBackend.allCases)
    func suspendReactivateChangeTierAndCancel(backend: TestBackend) async throws {
        try await TestServer(environment: ["MULTI_TENANT_ENABLED": "true"], backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            let admin = try await TwoTenants.member(components, of: nil, role: .owner, email: "root@platform.test", isSuperAdmin: true)
            let adminOfAcme = try await TwoTenants.member(components, of: data.acme, role: .admin, email: "admin@acme.test")
            return (data, admin.token, adminOfAcme.token)
        }) { client, _, seeded in
            let (data, rootToken, acmeAdminToken) = seeded
            let acme = data.acme.organization.id
            for token in [data.acme.token, acmeAdminToken] {
                let refused = try await client.send(.post, "/api/organizations/\(acme)/suspend", token: token)
                #expect(refused.problemCode == "super_admin_required")
                #expect(try await client.send(.put, "/api/organizations/\(acme)/tier", token: token, json: #"{"tier":"enterprise"}"#).status == .forbidden)
            }
            #expect(try await client.send(.post, "/api/organizations/\(acme)/suspend", token: rootToken).status == .ok)
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).problemCode == "tenant_inactive")
            #expect(try await client.send(.post, "/api/organizations/\(acme)/reactivate", token: rootToken).status == .ok)
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).status == .ok)

            let tier = try await client.send(.put, "/api/organizations/\(acme)/tier", token: rootToken, json: #"{"tier":"enterprise"}"#)
            #expect(try tier.json["tier"]?.string == "enterprise")
            let badTier = try await client.send(.put, "/api/organizations/\(acme)/tier", token: rootToken, json: #"{"tier":"platinum"}"#)
            #expect(try badTier.json["field"]?.string == "tier")

            // Only the owner may delete; an admin may not.
            #expect(try await client.send(.delete, "/api/organizations/\(acme)", token: acmeAdminToken).problemCode == "permission_denied")
            let cancelled = try await client.send(.delete, "/api/organizations/\(acme)", token: data.acme.token)
            #expect(try cancelled.json["status"]?.string == "cancelled")
            // A cancelled organization is frozen: no changes (its grace period cannot be restarted), no new keys,
            // and a super admin only reactivates or purges it.
            #expect(try await client.send(.delete, "/api/organizations/\(acme)", token: data.acme.token).problemCode == "organization_cancelled")
            #expect(try await client.send(.post, "/api/organizations/\(acme)/api-keys", token: data.acme.token, json: #"{"name":"k","scopes":["read"]}"#).status == .conflict)
            #expect(try await client.send(.post, "/api/organizations/\(acme)/suspend", token: rootToken).status == .conflict)
            #expect(try await client.send(.get, "/api/organizations/\(acme)", token: data.acme.token).status == .ok)
            let gone = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token)
            #expect(gone.problemCode == "tenant_inactive")
            #expect(gone.text.contains("cancelled"))
            // Purging is for super admins, and only of cancelled organizations.
            #expect(try await client.send(.post, "/api/organizations/\(acme)/purge", token: data.acme.token).problemCode == "super_admin_required")
            let globexID = data.globex.organization.id
            #expect(try await client.send(.post, "/api/organizations/\(globexID)/purge", token: rootToken).status == .conflict)
            #expect(try await client.send(.post, "/api/organizations/\(acme)/purge", token: rootToken).status == .noContent)
            #expect(try await client.send(.get, "/api/organizations/\(acme)", token: rootToken).status == .notFound)
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).problemCode == "tenant_not_found")
            // globex is untouched by all of it.
            #expect(try await client.send(.get, "/api/tasks", host: "globex.localhost", token: data.globex.token).status == .ok)
        }
    }
}
