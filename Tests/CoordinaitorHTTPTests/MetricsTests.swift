import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// `GET /metrics`: the exposition parsed strictly (and by promtool when installed) and held against the requests made.
@Suite("Prometheus metrics")
struct MetricsTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    /// Scrapes and parses; fails the test when the exposition is not valid.
    static func scrape(_ client: any TestClientProtocol, token: String? = nil) async throws -> PrometheusExposition {
        let response = try await client.send(.get, "/metrics", token: token)
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
        if let promtool = try Promtool.checkMetrics(response.text) {
            #expect(promtool.status == 0, "promtool check metrics: \(promtool.output)")
        }
        return try PrometheusExposition(parsing: response.text)
    }

    @Test func requestsLimitsAndUsageAreCountedPerOrganization() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            // acme has no room for a second project; globex may make one request at a time.
            _ = try await components.setOverrides(PlanOverrides(limits: [.projects: 1]), of: data.acme.organization)
            _ = try await components.setOverrides(PlanOverrides(rateLimit: RateLimitPolicy(requestsPerHour: 1, burst: 1)), of: data.globex.organization)
            return data
        }) { client, services, data in
            let acme = data.acme.organization.id.description
            let globex = data.globex.organization.id.description
            for _ in 0..<3 { #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).status == .ok) }
            #expect(try await client.send(.get, "/api/tasks/\(UUID())", host: "acme.localhost", token: data.acme.token).status == .notFound)
            let refused = try await client.send(.post, "/api/projects", host: "acme.localhost", token: data.acme.token, json: #"{"name":"second"}"#)
            #expect(refused.problemCode == "limit_exceeded")
            #expect(try await client.send(.get, "/api/tasks", host: "globex.localhost", token: data.globex.token).status == .ok)
            #expect(try await client.send(.get, "/api/tasks", host: "globex.localhost", token: data.globex.token).problemCode == "rate_limited")
            #expect(try await client.send(.get, "/api/tasks", host: "nobody.localhost", token: data.acme.token).problemCode == "tenant_not_found")
            #expect(try await client.send(.get, "/no/such/path").status == .notFound)

            let metrics = try await Self.scrape(client)

            let requests = "coordinaitor_http_requests_total"
            #expect(metrics.value(requests, ["organization": acme, "route": "/api/tasks", "method": "GET", "status": "200"]) == 3)
            #expect(metrics.value(requests, ["organization": acme, "route": "/api/tasks/{id}", "method": "GET", "status": "404"]) == 1)
            #expect(metrics.value(requests, ["organization": acme, "route": "/api/projects", "method": "POST", "status": "403"]) == 1)
            #expect(metrics.value(requests, ["organization": globex, "route": "/api/tasks", "method": "GET", "status": "200"]) == 1)
            #expect(metrics.value(requests, ["organization": globex, "route": "/api/tasks", "method": "GET", "status": "429"]) == 1)
            #expect(metrics.value(requests, ["organization": "none", "route": "unmatched", "method": "GET", "status": "404"]) == 1)
            #expect(metrics.sum(requests, matching: ["organization": "none", "status": "404"]) == 2)
            #expect(metrics.families[requests]?.help?.isEmpty == false)

            // Latency: the documented buckets, cumulative, for each organization and route.
            let buckets = metrics.samples("coordinaitor_http_request_duration_seconds_bucket")
                .filter { $0.labels["organization"] == acme && $0.labels["route"] == "/api/tasks" }
            #expect(buckets.compactMap { $0.labels["le"] } == [
                "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf",
            ])
            #expect(buckets.last?.value == 3)
            #expect(metrics.value("coordinaitor_http_request_duration_seconds_count", ["organization": globex, "route": "/api/tasks"]) == 2)

            let errors = "coordinaitor_http_errors_total"
            #expect(metrics.value(errors, ["organization": acme, "code": "task_not_found"]) == 1)
            #expect(metrics.value(errors, ["organization": acme, "code": "limit_exceeded"]) == 1)
            #expect(metrics.value(errors, ["organization": globex, "code": "rate_limited"]) == 1)
            #expect(metrics.value(errors, ["organization": "none", "code": "tenant_not_found"]) == 1)

            let resolutions = "coordinaitor_tenant_resolutions_total"
            #expect(metrics.value(resolutions, ["outcome": "resolved"]) == 7)
            #expect(metrics.value(resolutions, ["outcome": "not_found"]) == 1)
            #expect(metrics.value(resolutions, ["outcome": "inactive"]) == 0)
            let cache = "coordinaitor_tenant_cache_lookups_total"
            #expect(try #require(metrics.value(cache, ["result": "hit"])) >= 5)
            #expect(try #require(metrics.value(cache, ["result": "miss"])) >= 1)

            #expect(metrics.value("coordinaitor_limit_violations_total", ["organization": acme, "limit": "projects"]) == 1)
            #expect(metrics.value("coordinaitor_rate_limited_requests_total", ["organization": globex]) == 1)
            #expect(metrics.value("coordinaitor_rate_limited_requests_total", ["organization": acme]) == nil)

            // Usage and cost, as the usage port reports them.
            let totals = try await services.store.usage.totals(for: services.usage.currentPeriod)
            let acmeTotals = try #require(totals.first { $0.organizationID == data.acme.organization.id })
            #expect(metrics.value("coordinaitor_organization_usage", ["organization": acme, "metric": "projects"]) == 1)
            #expect(metrics.value("coordinaitor_organization_usage", ["organization": acme, "metric": "users"]) == 1)
            let storage = try #require(metrics.value("coordinaitor_organization_storage_bytes", ["organization": acme]))
            #expect(storage > 0 && storage == Double(acmeTotals.usage[.storageBytes] ?? -1))
            let cost = try #require(metrics.value("coordinaitor_organization_estimated_monthly_cost_cents", ["organization": acme]))
            #expect(cost == Double(acmeTotals.costEstimate.totalCents))
            #expect(cost >= 9_900)
            #expect(metrics.value("coordinaitor_organization_info", ["organization": acme, "subdomain": "acme", "tier": "professional", "status": "active"]) == 1)
            #expect(metrics.value("coordinaitor_metrics_organization_labels") == 2)
            // The gauge follows the audit queue: the scrape above ran after the test's requests were queued.
            #expect(metrics.value("coordinaitor_audit_queue_depth") != nil)
            #expect(metrics.value("coordinaitor_audit_events_dropped_total") == 0)
        }
    }

    /// METRICS_MAX_TENANTS=2 with four active organizations: two labels of their own, the rest summed under `other`.
    @Test func organizationLabelsAreCappedAndTheRestSumUnderOther() async throws {
        let environment = Self.multiTenant.merging(["METRICS_MAX_TENANTS": "2"]) { $1 }
        try await TestServer(environment: environment).run(seed: { components in
            [
                try await TwoTenants.seedOne(components, name: "acme-corp", subdomain: "acme", domain: "acme.test"),
                try await TwoTenants.seedOne(components, name: "globex", subdomain: "globex", domain: "globex.test"),
                try await TwoTenants.seedOne(components, name: "initech", subdomain: "initech", domain: "initech.test"),
                try await TwoTenants.seedOne(components, name: "umbrella", subdomain: "umbrella", domain: "umbrella.test"),
            ]
        }) { client, _, tenants in
            // The first two organizations to make requests get the labels; the others make 2 and 3 requests.
            for (tenant, count) in zip(tenants, [1, 1, 2, 3]) {
                for _ in 0..<count {
                    let host = "\(tenant.organization.subdomain).localhost"
                    #expect(try await client.send(.get, "/api/tasks", host: host, token: tenant.token).status == .ok)
                }
            }
            let metrics = try await Self.scrape(client)
            let labelled = Set(tenants.prefix(2).map(\.organization.id.description))
            let requests = "coordinaitor_http_requests_total"
            let organizations = metrics.labelValues("organization", of: requests).subtracting(["none"])
            #expect(organizations == labelled.union(["other"]))
            #expect(metrics.value(requests, ["organization": "other", "route": "/api/tasks", "method": "GET", "status": "200"]) == 5)
            for tenant in tenants.prefix(2) {
                #expect(metrics.value(requests, ["organization": tenant.organization.id.description, "route": "/api/tasks", "method": "GET", "status": "200"]) == 1)
            }
            // Every organization-labelled metric respects the cap, the usage gauges included.
            for (name, family) in metrics.families {
                let values = Set(family.samples.compactMap { $0.labels["organization"] }).subtracting(["none"])
                #expect(values.isSubset(of: labelled.union(["other"])), "\(name): \(values)")
            }
            #expect(metrics.labelValues("organization", of: "coordinaitor_organization_usage") == labelled.union(["other"]))
            #expect(metrics.value("coordinaitor_organization_usage", ["organization": "other", "metric": "projects"]) == 2)
            #expect(metrics.value("coordinaitor_organization_usage", ["organization": "other", "metric": "users"]) == 2)
            // Professional tier for all four: the other two cost at least two list prices together.
            #expect(try #require(metrics.value("coordinaitor_organization_estimated_monthly_cost_cents", ["organization": "other"])) >= 2 * 9_900)
            #expect(metrics.samples("coordinaitor_organization_info").count == 2)
            #expect(metrics.value("coordinaitor_metrics_organization_labels") == 2)
        }
    }

    @Test func aConfiguredTokenProtectsTheEndpoint() async throws {
        let token = "metrics-token-for-tests"
        try await TestServer(environment: ["METRICS_TOKEN": token]).run { client, _ in
            let missing = try await client.send(.get, "/metrics")
            #expect(missing.status == .unauthorized)
            #expect(missing.problemCode == "metrics_token_required")
            #expect(missing.headers[.wwwAuthenticate] == "Bearer")
            let wrong = try await client.send(.get, "/metrics", token: "metrics-token-for-test")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.problemCode == "metrics_token_required")
            _ = try await Self.scrape(client, token: token)
        }
    }

    @Test func withoutATokenTheEndpointIsOpen() async throws {
        try await TestServer().run { client, _ in
            let metrics = try await Self.scrape(client)
            #expect(metrics.families["coordinaitor_tenant_resolutions_total"]?.type == "counter")
            #expect(metrics.families["coordinaitor_audit_queue_depth"]?.type == "gauge")
        }
    }
}
