import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Per-organization token buckets, their header fields, and the 429 past them.
@Suite("Rate limits")
struct RateLimitTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    @Test func everyTenantResponseCarriesTheHeadersAndTheBucketRefills() async throws {
        let clock = ManualTimeSource(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestServer(environment: Self.multiTenant, time: clock).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: .free)
            // Three at once, refilled at one per second.
            _ = try await components.setOverrides(PlanOverrides(rateLimit: RateLimitPolicy(requestsPerHour: 3600, burst: 3)), of: data.acme.organization)
            return data
        }) { client, _, data in
            var remaining: [String] = []
            for _ in 0..<3 {
                let response = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token)
                #expect(response.status == .ok)
                #expect(response.headers[.rateLimitPolicyField] == #""tier";q=3;w=3"#)
                remaining.append(response.headers[.rateLimitField] ?? "")
            }
            #expect(remaining == [#""tier";r=2;t=1"#, #""tier";r=1;t=2"#, #""tier";r=0;t=3"#])
            let limited = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.problemCode == "rate_limited")
            #expect(limited.headers[.retryAfter] == "1")
            #expect(limited.headers[.rateLimitField] == #""tier";r=0;t=3"#)
            // Errors are limited too: a missing task still costs a token.
            clock.advance(by: 1)
            #expect(try await client.send(.get, "/api/tasks/\(UUID())", host: "acme.localhost", token: data.acme.token).status == .notFound)
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).status == .tooManyRequests)
            // The other organization has its own bucket (the free tier's 50).
            let globex = try await client.send(.get, "/api/tasks", host: "globex.localhost", token: data.globex.token)
            #expect(globex.status == .ok)
            #expect(globex.headers[.rateLimitPolicyField] == #""tier";q=50;w=180"#)
            clock.advance(by: 3)
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).headers[.rateLimitField] == #""tier";r=2;t=1"#)
        }
    }

    @Test func apiKeysHaveTheirOwnSmallerBucketInsideTheOrganizations() async throws {
        let clock = ManualTimeSource(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestServer(environment: Self.multiTenant, time: clock).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: .professional)
            _ = try await components.setOverrides(PlanOverrides(rateLimit: RateLimitPolicy(requestsPerHour: 3600, burst: 6)), of: data.acme.organization)
            return data
        }) { client, _, data in
            let created = try await client.send(
                .post, "/api/organizations/\(data.acme.organization.id)/api-keys", token: data.acme.token, json: #"{"name":"agent","scopes":["read"]}"#)
            let key = try #require(try created.json["key"]?.string)
            // A key gets half the organization's burst: three requests, and the headers describe its bucket.
            for expected in [2, 1, 0] {
                let response = try await client.send(.get, "/api/tasks", host: "acme.localhost", headers: [.xAPIKeyField: key])
                #expect(response.status == .ok)
                #expect(response.headers[.rateLimitPolicyField] == #""tier";q=3;w=6"#)
                #expect(response.headers[.rateLimitField]?.hasPrefix(#""tier";r=\#(expected);"#) == true)
            }
            let runaway = try await client.send(.get, "/api/tasks", host: "acme.localhost", headers: [.xAPIKeyField: key])
            #expect(runaway.problemCode == "rate_limited")
            // The people of the organization still have the rest of its bucket: six, less the key's three (the refused
            // request took nothing).
            let owner = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token)
            #expect(owner.status == .ok)
            #expect(owner.headers[.rateLimitField] == #""tier";r=2;t=4"#)
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).status == .ok)
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).status == .ok)
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).problemCode == "rate_limited")
        }
    }

    @Test func withdrawingAPIAccessStopsAPIKeys() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            try await TwoTenants.seed(components, tier: .professional)
        }) { client, services, data in
            let created = try await client.send(
                .post, "/api/organizations/\(data.acme.organization.id)/api-keys", token: data.acme.token, json: #"{"name":"agent","scopes":["read"]}"#)
            let key = try #require(try created.json["key"]?.string)
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", headers: [.xAPIKeyField: key]).status == .ok)
            _ = try await services.organizations.update(data.acme.organization.id) { current in
                var changed = current
                changed.planOverrides = PlanOverrides(features: [.apiAccess: false])
                return changed
            }
            let refused = try await client.send(.get, "/api/tasks", host: "acme.localhost", headers: [.xAPIKeyField: key])
            #expect(refused.problemCode == "feature_not_available")
            #expect(try refused.json["feature"]?.string == "api_access")
            // People still use the API with their own sign-in.
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).status == .ok)
        }
    }
}

extension HTTPField.Name {
    static let xAPIKeyField = HTTPField.Name("X-API-Key")!
}
