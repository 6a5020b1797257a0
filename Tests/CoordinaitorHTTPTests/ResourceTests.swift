import CoordinaitorDomain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Projects, agents and tasks over HTTP")
struct ResourceTests {
    static let acme = ["MULTI_TENANT_ENABLED": "true", "MULTI_TENANT_STRATEGY": "path"]

    @Test(arguments: TestBackend.allCases)
    func projectLifecycle(backend: TestBackend) async throws {
        try await TestServer(environment: Self.acme, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            let created = try await client.send(.post, "/org/acme/api/projects", token: data.acme.token, json: #"{"name":" Launch ","description":"Q3"}"#)
            #expect(created.status == .created)
            let project = try created.json
            #expect(project["name"]?.string == "Launch")
            #expect(project["status"]?.string == "active")
            #expect(project["organizationId"]?.string == data.acme.organization.id.description)
            let id = try #require(project["id"]?.string)

            let duplicate = try await client.send(.post, "/org/acme/api/projects", token: data.acme.token, json: #"{"name":"Launch"}"#)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.problemCode == "project_conflict")
            #expect(try duplicate.json["field"]?.string == "name")
            // The same name is free in another organization.
            #expect(try await client.send(.post, "/org/globex/api/projects", token: data.globex.token, json: #"{"name":"Launch"}"#).status == .created)

            let patched = try await client.send(.patch, "/org/acme/api/projects/\(id)", token: data.acme.token, json: #"{"status":"paused","description":null}"#)
            #expect(patched.status == .ok)
            #expect(try patched.json["status"]?.string == "paused")
            #expect(try patched.json["description"] == nil)
            #expect(try patched.json["name"]?.string == "Launch")

            let paused = try await client.send(.get, "/org/acme/api/projects?status=paused", token: data.acme.token)
            #expect(try paused.json.ids(of: "projects") == [id])

            #expect(try await client.send(.delete, "/org/acme/api/projects/\(id)", token: data.acme.token).status == .noContent)
            #expect(try await client.send(.get, "/org/acme/api/projects/\(id)", token: data.acme.token).status == .notFound)
            #expect(try await client.send(.delete, "/org/acme/api/projects/\(id)", token: data.acme.token).status == .notFound)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func deletingAProjectKeepsItsTasks(backend: TestBackend) async throws {
        try await TestServer(environment: Self.acme, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            #expect(try await client.send(.delete, "/org/acme/api/projects/\(data.acme.project.id)", token: data.acme.token).status == .noContent)
            let task = try await client.send(.get, "/org/acme/api/tasks/\(data.acme.task.id)", token: data.acme.token)
            #expect(task.status == .ok)
            #expect(try task.json["projectId"] == nil)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func agentLifecycle(backend: TestBackend) async throws {
        try await TestServer(environment: Self.acme, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            let created = try await client.send(
                .post, "/org/acme/api/agents", token: data.acme.token,
                json: #"{"name":"Gemini","provider":"gemini","capabilities":["analysis","analysis","summaries"],"maxConcurrentTasks":3}"#)
            #expect(created.status == .created)
            #expect(try created.json["capabilities"] == .array([.string("analysis"), .string("summaries")]))
            #expect(try created.json["status"]?.string == "idle")
            let id = try #require(try created.json["id"]?.string)

            let byProvider = try await client.send(.get, "/org/acme/api/agents?provider=gemini", token: data.acme.token)
            #expect(try byProvider.json.ids(of: "agents") == [id])
            let patched = try await client.send(.patch, "/org/acme/api/agents/\(id)", token: data.acme.token, json: #"{"status":"offline","maxConcurrentTasks":5}"#)
            #expect(try patched.json["maxConcurrentTasks"] == .number(5))

            // Deleting an agent unassigns its tasks.
            #expect(try await client.send(.delete, "/org/acme/api/agents/\(data.acme.agent.id)", token: data.acme.token).status == .noContent)
            let task = try await client.send(.get, "/org/acme/api/tasks/\(data.acme.task.id)", token: data.acme.token)
            #expect(try task.json["assignedAgentId"] == nil)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func taskLifecycleFollowsStatusRules(backend: TestBackend) async throws {
        try await TestServer(environment: Self.acme, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            let created = try await client.send(
                .post, "/org/acme/api/tasks", token: data.acme.token,
                json: #"{"title":"Summarize","type":"summary","priority":"high","projectId":"\#(data.acme.project.id)","input":{"doc":"a.pdf","pages":[1,2]}}"#)
            #expect(created.status == .created)
            let task = try created.json
            #expect(task["status"]?.string == "pending")
            #expect(task["input"] == .object(["doc": .string("a.pdf"), "pages": .array([.number(1), .number(2)])]))
            let id = try #require(task["id"]?.string)

            let assigned = try await client.send(
                .patch, "/org/acme/api/tasks/\(id)", token: data.acme.token, json: #"{"status":"assigned","assignedAgentId":"\#(data.acme.agent.id)"}"#)
            #expect(try assigned.json["status"]?.string == "assigned")
            let running = try await client.send(.patch, "/org/acme/api/tasks/\(id)", token: data.acme.token, json: #"{"status":"running"}"#)
            #expect(try running.json["startedAt"] != nil)
            let done = try await client.send(.patch, "/org/acme/api/tasks/\(id)", token: data.acme.token, json: #"{"status":"completed","output":{"summary":"ok"}}"#)
            #expect(try done.json["completedAt"] != nil)
            #expect(try done.json["output"] == .object(["summary": .string("ok")]))

            let reopen = try await client.send(.patch, "/org/acme/api/tasks/\(id)", token: data.acme.token, json: #"{"status":"pending"}"#)
            #expect(reopen.status == .unprocessableContent)
            #expect(try reopen.json["field"]?.string == "status")

            let filtered = try await client.send(
                .get, "/org/acme/api/tasks?status=completed&priority=high&type=summary&projectId=\(data.acme.project.id)", token: data.acme.token)
            #expect(try filtered.json.ids(of: "tasks") == [id])
            let byAgent = try await client.send(.get, "/org/acme/api/tasks?assignedAgentId=\(data.acme.agent.id)", token: data.acme.token)
            #expect(Set(try byAgent.json.ids(of: "tasks")) == [id, data.acme.task.id.description])
        }
    }

    @Test(arguments: TestBackend.allCases)
    func cursorPaginationVisitsEveryTaskOnceNewestFirst(backend: TestBackend) async throws {
        try await TestServer(environment: Self.acme, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            var created: [String] = [data.acme.task.id.description]
            for index in 0..<12 {
                let response = try await client.send(.post, "/org/acme/api/tasks", token: data.acme.token, json: #"{"title":"Task \#(index)"}"#)
                created.append(try #require(try response.json["id"]?.string))
            }
            var seen: [String] = []
            var uri = "/org/acme/api/tasks?limit=5"
            var pages = 0
            while true {
                let page = try await client.send(.get, uri, token: data.acme.token).json
                seen += page.ids(of: "tasks")
                pages += 1
                guard let cursor = page["nextCursor"]?.string else { break }
                uri = "/org/acme/api/tasks?limit=5&cursor=\(cursor)"
            }
            #expect(pages == 3)
            #expect(seen == created.sorted(by: >))
        }
    }
}
