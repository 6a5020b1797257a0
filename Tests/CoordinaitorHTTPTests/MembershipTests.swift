import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Roles and invitations, tried from the attacker's side as well.
@Suite("Members and invitations")
struct MembershipTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    struct Team: Sendable {
        var data: TwoTenants
        var admin: (user: User, token: String)
        var member: (user: User, token: String)
        var billing: (user: User, token: String)
        var root: (user: User, token: String)
    }

    static func seedTeam(_ components: ServerComponents) async throws -> Team {
        let data = try await TwoTenants.seed(components)
        return Team(
            data: data,
            admin: try await TwoTenants.member(components, of: data.acme, role: .admin, email: "admin@acme.test"),
            member: try await TwoTenants.member(components, of: data.acme, role: .member, email: "member@acme.test"),
            billing: try await TwoTenants.member(components, of: data.acme, role: .billing, email: "billing@acme.test"),
            root: try await TwoTenants.member(components, of: nil, role: .owner, email: "root@platform.test", isSuperAdmin: true)
        )
    }

    @Test(arguments: TestBackend.allCases)
    func rolesAreManagedOnlyBelowOnesOwn(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: Self.seedTeam) { client, _, team in
            let acme = team.data.acme
            let members = "/api/organizations/\(acme.organization.id)/members"
            let list = try await client.send(.get, members, token: team.member.token)
            #expect(try list.json["members"]?.array.count == 4)
            #expect(!list.text.contains("passwordHash") && !list.text.contains("$2b$"))

            // A member cannot promote themselves; an admin cannot make an admin or touch the owner.
            let selfPromotion = try await client.send(.patch, "\(members)/\(team.member.user.id)", token: team.member.token, json: #"{"role":"admin"}"#)
            #expect(selfPromotion.problemCode == "permission_denied")
            let adminMakesAdmin = try await client.send(.patch, "\(members)/\(team.member.user.id)", token: team.admin.token, json: #"{"role":"admin"}"#)
            #expect(adminMakesAdmin.problemCode == "permission_denied")
            let adminDemotesOwner = try await client.send(.patch, "\(members)/\(acme.owner.id)", token: team.admin.token, json: #"{"role":"viewer"}"#)
            #expect(adminDemotesOwner.problemCode == "permission_denied")
            let toOwner = try await client.send(.patch, "\(members)/\(team.member.user.id)", token: acme.token, json: #"{"role":"owner"}"#)
            #expect(toOwner.status == .conflict)

            let demoted = try await client.send(.patch, "\(members)/\(team.member.user.id)", token: team.admin.token, json: #"{"role":"viewer"}"#)
            #expect(try demoted.json["role"]?.string == "viewer")
            // globex's owner cannot touch acme's members.
            let foreign = try await client.send(.delete, "\(members)/\(team.member.user.id)", token: team.data.globex.token)
            #expect(foreign.problemCode == "cross_tenant_access_denied")

            // The last owner can neither leave nor be demoted, even by a super admin.
            #expect(try await client.send(.delete, "\(members)/\(acme.owner.id)", token: acme.token).status == .conflict)
            let rootDemotes = try await client.send(.patch, "\(members)/\(acme.owner.id)", token: team.root.token, json: #"{"role":"admin"}"#)
            #expect(rootDemotes.status == .conflict)

            // Ownership moves only explicitly; the old owner becomes an admin.
            let transfer = try await client.send(
                .post, "/api/organizations/\(acme.organization.id)/transfer-ownership", token: acme.token, json: #"{"userId":"\#(team.admin.user.id)"}"#)
            #expect(try transfer.json["role"]?.string == "owner")
            let after = try await client.send(.get, members, token: acme.token).json
            let roles = Dictionary(uniqueKeysWithValues: after["members"]?.array.compactMap { member in
                member["userId"]?.string.flatMap { id in member["role"]?.string.map { (id, $0) } }
            } ?? [])
            #expect(roles[acme.owner.id.description] == "admin")
            #expect(roles[team.admin.user.id.description] == "owner")
            // Anyone may leave, whatever the role (billing members cannot even read projects).
            #expect(try await client.send(.delete, "\(members)/\(team.member.user.id)", token: team.member.token).status == .noContent)
            #expect(try await client.send(.delete, "\(members)/\(team.billing.user.id)", token: team.billing.token).status == .noContent)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func invitationsFromTheAttackersSide(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { components in
            let team = try await Self.seedTeam(components)
            let invitee = try await TwoTenants.member(components, of: nil, role: .viewer, email: "new@example.com")
            let stranger = try await TwoTenants.member(components, of: nil, role: .viewer, email: "stranger@example.com")
            return (team, invitee.token, stranger.token)
        }) { client, _, seeded in
            let (team, inviteeToken, strangerToken) = seeded
            let acme = team.data.acme
            let invitations = "/api/organizations/\(acme.organization.id)/invitations"
            #expect(try await client.send(.post, invitations, token: team.member.token, json: #"{"email":"x@example.com","role":"viewer"}"#).problemCode == "permission_denied")
            #expect(try await client.send(.post, invitations, token: team.admin.token, json: #"{"email":"x@example.com","role":"admin"}"#).problemCode == "permission_denied")
            #expect(try await client.send(.post, invitations, token: acme.token, json: #"{"email":"x@example.com","role":"owner"}"#).status == .unprocessableContent)
            #expect(try await client.send(.post, invitations, token: acme.token, json: #"{"email":"x@example.com","role":"viewer","expiresInDays":31}"#).status == .unprocessableContent)

            let created = try await client.send(.post, invitations, token: team.admin.token, json: #"{"email":"New@Example.com","role":"member"}"#)
            #expect(created.status == .created)
            let token = try #require(try created.json["token"]?.string)
            #expect(token.count >= 64)
            #expect(try await client.send(.post, invitations, token: acme.token, json: #"{"email":"new@example.com","role":"viewer"}"#).status == .conflict)
            #expect(try await client.send(.get, invitations, token: team.admin.token).text.contains(token) == false)

            let accept = #"{"token":"\#(token)"}"#
            let wrongAccount = try await client.send(.post, "/api/invitations/accept", token: strangerToken, json: accept)
            #expect(wrongAccount.problemCode == "invitation_email_mismatch")
            #expect(try await client.send(.post, "/api/invitations/accept", token: inviteeToken, json: #"{"token":"nope"}"#).status == .notFound)
            let joined = try await client.send(.post, "/api/invitations/accept", token: inviteeToken, json: accept)
            #expect(joined.status == .created)
            #expect(try joined.json["role"]?.string == "member")
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: inviteeToken).status == .ok)
            let reused = try await client.send(.post, "/api/invitations/accept", token: inviteeToken, json: accept)
            #expect(reused.status == .gone)
            #expect(reused.problemCode == "invitation_accepted")

            // Nobody joins a suspended organization.
            let third = try await client.send(.post, invitations, token: acme.token, json: #"{"email":"late@example.com","role":"viewer"}"#)
            let thirdToken = try #require(try third.json["token"]?.string)
            _ = try await client.send(.post, "/api/organizations/\(acme.organization.id)/suspend", token: team.root.token)
            let late = try await TestClientLogin.token(client, email: "late@example.com")
            #expect(try await client.send(.post, "/api/invitations/accept", token: late, json: #"{"token":"\#(thirdToken)"}"#).problemCode == "tenant_inactive")
            _ = try await client.send(.post, "/api/organizations/\(acme.organization.id)/reactivate", token: team.root.token)

            // A revoked invitation is gone too; another organization cannot revoke it.
            let second = try await client.send(.post, invitations, token: acme.token, json: #"{"email":"stranger@example.com","role":"viewer"}"#)
            let secondToken = try #require(try second.json["token"]?.string)
            let secondID = try #require(try second.json["invitation"]?["id"]?.string)
            let globexRevokes = try await client.send(.delete, "\(invitations)/\(secondID)", token: team.data.globex.token)
            #expect(globexRevokes.problemCode == "cross_tenant_access_denied")
            let viaOwnOrganization = try await client.send(
                .delete, "/api/organizations/\(team.data.globex.organization.id)/invitations/\(secondID)", token: team.data.globex.token)
            #expect(viaOwnOrganization.status == .notFound)
            #expect(try await client.send(.delete, "\(invitations)/\(secondID)", token: team.admin.token).status == .ok)
            let afterRevoke = try await client.send(.post, "/api/invitations/accept", token: strangerToken, json: #"{"token":"\#(secondToken)"}"#)
            #expect(afterRevoke.problemCode == "invitation_revoked")
        }
    }
}

/// Signs up through the API and returns the new account's token.
enum TestClientLogin {
    static func token(_ client: any TestClientProtocol, email: String) async throws -> String {
        let response = try await client.send(
            .post, "/api/auth/signup", json: #"{"email":"\#(email)","name":"Late","password":"\#(TwoTenants.password)"}"#)
        return try #require(try response.json["token"]?.string)
    }
}
