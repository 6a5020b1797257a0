import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// What the API does queues the events webhooks subscribe to, in the organization where it happened.
@Suite("Webhook events from the API")
struct WebhookEventTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    @Test(arguments: TestBackend.allCases)
    func tasksMembersAndLimitsQueueTheirEvents(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            let member = try await TwoTenants.member(components, of: data.acme, role: .member, email: "leaving@acme.test")
            return (data, member.user)
        }) { client, services, seeded in
            let (data, leaving) = seeded
            let host = "acme.localhost"
            let token = data.acme.token
            let all = WebhookEventType.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
            let created = try await client.send(
                .post, "/api/webhooks", host: host, token: token, json: #"{"url":"https://hooks.example.com/all","events":[\#(all)]}"#)
            let webhook = try #require(try created.json["webhook"]?["id"]?.string)
            // globex subscribes too, and must hear nothing of acme.
            let globexHook = try await client.send(
                .post, "/api/webhooks", host: "globex.localhost", token: data.globex.token,
                json: #"{"url":"https://hooks.example.com/globex","events":[\#(all)]}"#)
            let globexWebhook = try #require(try globexHook.json["webhook"]?["id"]?.string)

            let task = try await client.send(.post, "/api/tasks", host: host, token: token, json: #"{"title":"Ship it","assignedAgentId":"\#(data.acme.agent.id)"}"#)
            let taskID = try #require(try task.json["id"]?.string)
            _ = try await client.send(.patch, "/api/tasks/\(taskID)", host: host, token: token, json: #"{"status":"running"}"#)
            _ = try await client.send(.patch, "/api/tasks/\(taskID)", host: host, token: token, json: #"{"status":"completed","output":{"ok":true}}"#)
            let failing = try await client.send(.post, "/api/tasks", host: host, token: token, json: #"{"title":"Doomed"}"#)
            let failingID = try #require(try failing.json["id"]?.string)
            _ = try await client.send(.patch, "/api/tasks/\(failingID)", host: host, token: token, json: #"{"status":"running"}"#)
            _ = try await client.send(.patch, "/api/tasks/\(failingID)", host: host, token: token, json: #"{"status":"failed"}"#)
            let removed = try await client.send(.delete, "/api/organizations/\(data.acme.organization.id)/members/\(leaving.id)", token: token)
            #expect(removed.status == .noContent)
            _ = try await services.organizations.update(data.acme.organization.id) { current in
                var changed = current
                changed.planOverrides = PlanOverrides(limits: [.projects: 1])
                return changed
            }
            // Hammering a used-up limit raises one event, not one per refusal.
            for _ in 0..<3 {
                #expect(try await client.send(.post, "/api/projects", host: host, token: token, json: #"{"name":"one too many"}"#).problemCode == "limit_exceeded")
            }

            // Limit events are queued off the request's path: give them a moment. The projects limit is now at 100%, a
            // warning, and was exceeded.
            var events: [String] = []
            for _ in 0..<50 {
                let deliveries = try await client.send(.get, "/api/webhooks/\(webhook)/deliveries?limit=100", host: host, token: token)
                events = (try deliveries.json["deliveries"]?.array ?? []).compactMap { $0["eventType"]?.string }
                if events.contains("limit.exceeded") && events.contains("limit.warning") { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(events.sorted() == [
                "limit.exceeded", "limit.warning", "member.removed", "task.completed", "task.created", "task.created", "task.failed",
                "task.updated", "task.updated", "task.updated", "task.updated",
            ])
            let globexDeliveries = try await client.send(.get, "/api/webhooks/\(globexWebhook)/deliveries", host: "globex.localhost", token: data.globex.token)
            #expect(try globexDeliveries.json["deliveries"]?.array.isEmpty == true)

            // Moved down to a tier without webhooks, acme keeps its webhook but it no longer fires.
            _ = try await services.organizations.update(data.acme.organization.id) { current in
                var changed = current
                changed.tier = .starter
                changed.planOverrides = PlanOverrides()
                return changed
            }
            #expect(try await client.send(.post, "/api/tasks", host: host, token: token, json: #"{"title":"Unheard"}"#).status == .created)
            let after = try await client.send(.get, "/api/webhooks/\(webhook)/deliveries?limit=100", host: host, token: token)
            #expect(try after.json["deliveries"]?.array.count == events.count)
        }
    }
}
