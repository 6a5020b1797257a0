import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The usage and limits API, plan overrides, month rollover and feature gating.
@Suite("Usage API and plans")
struct UsageAPITests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    @Test(arguments: TestBackend.allCases)
    func usageAndLimitsAreReadByOwnersAdminsAndBillingOnly(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: .free)
            var tokens: [Role: String] = [.owner: data.acme.token]
            for role in [Role.admin, .member, .viewer, .billing] {
                tokens[role] = try await TwoTenants.member(components, of: data.acme, role: role, email: "\(role)@acme.test").token
            }
            return (data, tokens)
        }) { client, _, seeded in
            let (data, tokens) = seeded
            let acme = data.acme.organization.id
            for (role, token) in tokens {
                let usage = try await client.send(.get, "/api/organizations/\(acme)/usage", token: token)
                let limits = try await client.send(.get, "/api/organizations/\(acme)/limits", token: token)
                let allowed = [Role.owner, .admin, .billing].contains(role)
                #expect(usage.status == (allowed ? .ok : .forbidden), "\(role)")
                #expect(limits.status == (allowed ? .ok : .forbidden), "\(role)")
            }
            // Another organization's owner is refused, and the refusal says nothing about acme.
            let foreign = try await client.send(.get, "/api/organizations/\(acme)/usage", token: data.globex.token)
            #expect(foreign.problemCode == "cross_tenant_access_denied")

            let usage = try await client.send(.get, "/api/organizations/\(acme)/usage", token: data.acme.token).json
            #expect(usage["tier"]?.string == "free")
            #expect(usage["period"]?.string == UsagePeriod(containing: Date()).key)
            // The seed: one owner plus four members, one project, one agent, one task.
            #expect(usage["usage"]?["users"]?.number == 5)
            #expect(usage["usage"]?["projects"]?.number == 1)
            #expect(usage["usage"]?["agents"]?.number == 1)
            #expect(usage["usage"]?["tasksPerMonth"]?.number == 1)
            #expect((usage["usage"]?["storageBytes"]?.number ?? 0) > 0)
            #expect(usage["history"]?.array.count == 6)
            #expect(usage["history"]?.array.first?["period"]?.string == usage["period"]?.string)

            let limits = try await client.send(.get, "/api/organizations/\(acme)/limits", token: data.acme.token).json
            let lines = Dictionary(uniqueKeysWithValues: (limits["limits"]?.array ?? []).compactMap { line in line["limit"]?.string.map { ($0, line) } })
            #expect(lines["projects"]?["max"]?.number == 2)
            #expect(lines["projects"]?["used"]?.number == 1)
            #expect(lines["projects"]?["remaining"]?.number == 1)
            #expect(lines["projects"]?["percent"]?.number == 50)
            // Five of five seats: at the limit, a warning, not a violation.
            #expect(lines["users"]?["remaining"]?.number == 0)
            #expect(limits["warnings"]?.array.compactMap { $0["limit"]?.string }.contains("users") == true)
            #expect(limits["withinLimits"] == .bool(true))
            #expect(lines["agentExecutionsPerMonth"]?["max"] == .null)
            #expect(lines["agentExecutionsPerMonth"]?["unlimited"] == .bool(true))
            #expect(limits["features"]?.array.compactMap(\.string) == ["analytics", "api_access", "collaboration"])
            #expect(limits["rateLimit"]?["burst"]?.number == 50)

            for bad in ["2026-13", "26-01", "2999-01", "now"] {
                let refused = try await client.send(.get, "/api/organizations/\(acme)/usage?period=\(bad)", token: data.acme.token)
                #expect(refused.problemCode == "invalid_query_parameter", "\(bad)")
            }
        }
    }

    /// The month turns over at midnight UTC: the task quota starts again and the past month stays in the history.
    @Test(arguments: TestBackend.allCases)
    func quotasStartAgainWhenTheMonthEnds(backend: TestBackend) async throws {
        let clock = ManualTimeSource(Date(timeIntervalSince1970: 1_796_079_600))  // 2026-11-30T23:00:00Z
        try await TestServer(environment: Self.multiTenant.merging(["JWT_TTL": "86400"]) { $1 }, backend: backend, time: clock).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: .free)
            try await components.recordUsage(.tasksPerMonth, 98, for: data.acme.organization)
            return data
        }) { client, services, data in
            #expect(try await client.send(.post, "/api/tasks", host: "acme.localhost", token: data.acme.token, json: #"{"title":"the 100th"}"#).status == .created)
            let refused = try await client.send(.post, "/api/tasks", host: "acme.localhost", token: data.acme.token, json: #"{"title":"the 101st"}"#)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "3600")
            #expect(try refused.json["resetsAt"]?.string == "2026-12-01T00:00:00Z")

            clock.advance(by: 3600)
            #expect(try await client.send(.post, "/api/tasks", host: "acme.localhost", token: data.acme.token, json: #"{"title":"December's first"}"#).status == .created)
            let acme = data.acme.organization.id
            let december = try await client.send(.get, "/api/organizations/\(acme)/usage", token: data.acme.token).json
            #expect(december["period"]?.string == "2026-12")
            #expect(december["usage"]?["tasksPerMonth"]?.number == 1)
            #expect(december["usage"]?["projects"]?.number == 1)
            let history = december["history"]?.array ?? []
            #expect(history.count == 6)
            #expect(history.dropFirst().first?["period"]?.string == "2026-11")
            #expect(history.dropFirst().first?["usage"]?["tasksPerMonth"]?.number == 100)
            await services.apiCalls.flush()
            let november = try await client.send(.get, "/api/organizations/\(acme)/usage?period=2026-11", token: data.acme.token).json
            #expect(november["usage"]?["tasksPerMonth"]?.number == 100)
            #expect(november["usage"]?["apiCallsPerMonth"]?.number == 2)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func superAdminsOverrideLimitsAndFeatures(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: .free)
            let root = try await TwoTenants.member(components, of: nil, role: .owner, email: "root@platform.test", isSuperAdmin: true)
            return (data, root.token)
        }) { client, _, seeded in
            let (data, rootToken) = seeded
            let acme = data.acme.organization.id
            let overrides = "/api/organizations/\(acme)/plan-overrides"
            let byOwner = try await client.send(.put, overrides, token: data.acme.token, json: #"{"limits":{"projects":1}}"#)
            #expect(byOwner.problemCode == "super_admin_required")
            let unknown = try await client.send(.put, overrides, token: rootToken, json: #"{"limits":{"spaceships":1},"features":{"teleport":true}}"#)
            #expect(unknown.problemCode == "validation_failed")
            #expect(try unknown.json["errors"]?.array.compactMap { $0["field"]?.string }.sorted() == ["features.teleport", "limits.spaceships"])
            let negative = try await client.send(.put, overrides, token: rootToken, json: #"{"limits":{"projects":-1}}"#)
            #expect(negative.problemCode == "validation_failed")

            // Branding is a professional feature: refused on free until an override grants it.
            let branding = ##"{"settings":{"branding":{"primaryColor":"#123456"}}}"##
            let refused = try await client.send(.patch, "/api/organizations/\(acme)", token: data.acme.token, json: branding)
            #expect(refused.status == .forbidden)
            #expect(refused.problemCode == "feature_not_available")
            #expect(try refused.json["requiredTier"]?.string == "professional")
            #expect(try refused.json["feature"]?.string == "custom_branding")

            let set = try await client.send(
                .put, overrides, token: rootToken,
                json: #"{"limits":{"projects":1,"agents":null},"features":{"custom_branding":true,"analytics":false},"rateLimit":{"requestsPerHour":7200,"burst":5}}"#)
            #expect(set.status == .ok)
            let plan = try set.json["plan"]
            #expect(plan?["limits"]?["projects"]?.number == 1)
            #expect(plan?["limits"]?["agents"] == .null)
            #expect(plan?["features"]?.array.compactMap(\.string) == ["api_access", "collaboration", "custom_branding"])
            #expect(plan?["overrides"]?["limits"]?["agents"] == .null)
            #expect(try await client.send(.patch, "/api/organizations/\(acme)", token: data.acme.token, json: branding).status == .ok)
            // Effective at once: the one project fills the overridden limit, agents are unlimited, the bucket holds 5.
            let project = try await client.send(.post, "/api/projects", host: "acme.localhost", token: data.acme.token, json: #"{"name":"more"}"#)
            #expect(project.problemCode == "limit_exceeded")
            #expect(project.headers[.rateLimitPolicyField] == #""tier";q=5;w=3"#)
            for index in 0..<2 {
                let agent = try await client.send(.post, "/api/agents", host: "acme.localhost", token: data.acme.token, json: #"{"name":"extra \#(index)","provider":"gpt"}"#)
                #expect(agent.status == .created)
            }
        }
    }
}
