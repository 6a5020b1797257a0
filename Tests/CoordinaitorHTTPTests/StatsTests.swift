import CoordinaitorApp
import CoordinaitorDomain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// `GET /api/organizations/{id}/stats`: an organization's own recent traffic, for those who may read its usage.
@Suite("Organization stats")
struct StatsTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    @Test func countsErrorRatesAndPercentilesOfTheOrganizationsOwnRequests() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            for _ in 0..<3 { #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).status == .ok) }
            #expect(try await client.send(.get, "/api/tasks/\(UUID())", host: "acme.localhost", token: data.acme.token).status == .notFound)
            // Another organization's traffic is not acme's.
            #expect(try await client.send(.get, "/api/tasks", host: "globex.localhost", token: data.globex.token).status == .ok)

            let response = try await client.send(.get, "/api/organizations/\(data.acme.organization.id)/stats", token: data.acme.token)
            #expect(response.status == .ok)
            let stats = try response.json
            #expect(stats["organizationId"]?.string == data.acme.organization.id.description)
            #expect(stats["scope"]?.string == "node")
            for window in ["lastHour", "lastDay"] {
                let figures = try #require(stats[window])
                #expect(figures["requests"]?.number == 4, "\(window)")
                #expect(figures["clientErrors"]?.number == 1, "\(window)")
                #expect(figures["serverErrors"]?.number == 0, "\(window)")
                #expect(figures["errorRate"]?.number == 0, "\(window)")
                #expect(figures["clientErrorRate"]?.number == 0.25, "\(window)")
                let p50 = try #require(figures["p50LatencyMs"]?.number, "\(window)")
                let p95 = try #require(figures["p95LatencyMs"]?.number, "\(window)")
                #expect(p50 > 0 && p50 <= p95, "\(window)")
            }
            // The stats request itself is counted once it has finished.
            let again = try await client.send(.get, "/api/organizations/\(data.acme.organization.id)/stats", token: data.acme.token)
            #expect(try again.json["lastHour"]?["requests"]?.number == 5)
        }
    }

    @Test func anOrganizationWithoutTrafficHasZerosAndNoPercentiles() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            let response = try await client.send(.get, "/api/organizations/\(data.globex.organization.id)/stats", token: data.globex.token)
            #expect(response.status == .ok)
            #expect(try response.json["lastDay"]?["requests"]?.number == 0)
            #expect(try response.json["lastDay"]?["p95LatencyMs"] == .null)
        }
    }

    @Test func onlyOwnersAdminsBillingAndSuperAdminsMayReadThem() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            var tokens: [String: String] = [:]
            for role in [Role.admin, .billing, .member, .viewer] {
                tokens[role.rawValue] = try await TwoTenants.member(components, of: data.acme, role: role, email: "\(role.rawValue)@acme.test").token
            }
            tokens["super"] = try await TwoTenants.member(components, of: nil, role: .viewer, email: "root@platform.test", isSuperAdmin: true).token
            return (data, tokens)
        }) { client, _, seeded in
            let (data, tokens) = seeded
            let path = "/api/organizations/\(data.acme.organization.id)/stats"
            for allowed in ["admin", "billing", "super"] {
                #expect(try await client.send(.get, path, token: tokens[allowed]).status == .ok, "\(allowed)")
            }
            for refused in ["member", "viewer"] {
                let response = try await client.send(.get, path, token: tokens[refused])
                #expect(response.status == .forbidden, "\(refused)")
                #expect(response.problemCode == "permission_denied", "\(refused)")
            }
            let foreign = try await client.send(.get, path, token: data.globex.token)
            #expect(foreign.status == .forbidden)
            #expect(foreign.problemCode == "cross_tenant_access_denied")
            #expect(!foreign.text.contains("lastHour"))
            #expect(try await client.send(.get, path).status == .unauthorized)
            #expect(try await client.send(.get, "/api/organizations/00000000-0000-7000-8000-000000000000/stats", token: data.acme.token).status == .notFound)
        }
    }
}
