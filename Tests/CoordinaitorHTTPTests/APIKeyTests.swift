import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("API keys")
struct APIKeyTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    @Test(arguments: TestBackend.allCases)
    func keysWorkInTheirOrganizationOnlyAndWithinTheirScopes(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            let member = try await TwoTenants.member(components, of: data.acme, role: .member, email: "member@acme.test")
            return (data, member.token)
        }) { client, services, seeded in
            let (data, memberToken) = seeded
            let keys = "/api/organizations/\(data.acme.organization.id)/api-keys"
            #expect(try await client.send(.post, keys, token: memberToken, json: #"{"name":"bot","scopes":["read"]}"#).problemCode == "permission_denied")
            let badScope = try await client.send(.post, keys, token: data.acme.token, json: #"{"name":"bot","scopes":["root"]}"#)
            #expect(try badScope.json["field"]?.string == "scopes[0]")

            let created = try await client.send(.post, keys, token: data.acme.token, json: #"{"name":"Reader bot","scopes":["read"]}"#)
            #expect(created.status == .created)
            let readKey = try #require(try created.json["key"]?.string)
            #expect(readKey.hasPrefix("cai_"))
            let writer = try await client.send(.post, keys, token: data.acme.token, json: #"{"name":"Agent","scopes":["agent"]}"#)
            let agentKey = try #require(try writer.json["key"]?.string)

            // Read with either header; the read scope cannot write.
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", headers: [.init("X-API-Key")!: readKey]).status == .ok)
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: readKey).status == .ok)
            let refusedWrite = try await client.send(.post, "/api/tasks", host: "acme.localhost", token: readKey, json: #"{"title":"x"}"#)
            #expect(refusedWrite.problemCode == "permission_denied")
            #expect(try await client.send(.post, "/api/tasks", host: "acme.localhost", token: agentKey, json: #"{"title":"x"}"#).status == .created)

            // Another organization, and management routes, are out of reach.
            let elsewhere = try await client.send(.get, "/api/tasks", host: "globex.localhost", token: readKey)
            #expect(elsewhere.problemCode == "cross_tenant_access_denied")
            #expect(try await client.send(.get, keys, token: readKey).problemCode == "user_required")

            // The list shows prefixes, never secrets; use is recorded in batches.
            await services.apiKeyUsage.flush()
            let list = try await client.send(.get, keys, token: data.acme.token)
            #expect(!list.text.contains(readKey))
            #expect(try list.json["apiKeys"]?.array.count == 2)
            #expect(try list.json["apiKeys"]?.array.allSatisfy { $0["lastUsedAt"] != nil } == true)

            // Revoked and forged keys are refused like any bad credential.
            let id = try #require(try created.json["apiKey"]?["id"]?.string)
            #expect(try await client.send(.delete, "\(keys)/\(id)", token: data.acme.token).status == .ok)
            let revoked = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: readKey)
            #expect(revoked.problemCode == "invalid_credential")
            let forged = String(agentKey.dropLast()) + (agentKey.hasSuffix("0") ? "1" : "0")
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: forged).problemCode == "invalid_credential")
            // globex's owner cannot revoke acme's keys.
            let foreignRevoke = try await client.send(.delete, "\(keys)/\(id)", token: data.globex.token)
            #expect(foreignRevoke.problemCode == "cross_tenant_access_denied")
        }
    }

    @Test func expiredKeysAreRefused() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, services, data in
            let secret = "cai_0badc0de_" + String(repeating: "ab", count: 32)
            let now = Date()
            _ = try await services.store.apiKeys.create(
                in: TenantScope(data.acme.organization),
                APIKey(
                    id: APIKeyID(UUID()), organizationID: data.acme.organization.id, name: "old", prefix: "cai_0badc0de",
                    secretHash: APIKeyService.sha256(secret), scopes: [.read], createdBy: data.acme.owner.id,
                    createdAt: now.addingTimeInterval(-7200), expiresAt: now.addingTimeInterval(-60), lastUsedAt: nil, revokedAt: nil
                )
            )
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: secret).problemCode == "invalid_credential")
        }
    }
}
