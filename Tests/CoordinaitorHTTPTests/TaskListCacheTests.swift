import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The task list serves kept pages until the organization's tasks change: every change made through the API shows in
/// the very next list, one organization's page is never another's, and only a change made behind the server's back
/// waits for the TTL.
@Suite("Task list cache")
struct TaskListCacheTests {
    /// Path strategy with the cache on for a minute, on both backends (PostgreSQL leaves it off by default).
    static let cached = ["MULTI_TENANT_ENABLED": "true", "MULTI_TENANT_STRATEGY": "path", "TASK_LIST_CACHE_TTL": "60"]

    @Test(arguments: TestBackend.allCases)
    func everyChangeShowsInTheNextList(backend: TestBackend) async throws {
        try await TestServer(environment: Self.cached, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            let token = data.acme.token
            func list(_ query: String = "") async throws -> JSONValue {
                let response = try await client.send(.get, "/org/acme/api/tasks\(query)", token: token)
                #expect(response.status == .ok)
                return try response.json
            }
            func task(_ id: String, in page: JSONValue) -> JSONValue? {
                page["tasks"]?.array.first { $0["id"]?.string == id }
            }
            let seeded = data.acme.task.id.description
            #expect(try await list().ids(of: "tasks") == [seeded])
            #expect(try await list().ids(of: "tasks") == [seeded], "the same page again, now kept")

            let created = try await client.send(.post, "/org/acme/api/tasks", token: token, json: #"{"title":"Second"}"#)
            #expect(created.status == .created)
            let second = try #require(try created.json["id"]?.string)
            #expect(try await list().ids(of: "tasks") == [second, seeded])

            #expect(try await list("?status=running").ids(of: "tasks").isEmpty)
            let started = try await client.send(.patch, "/org/acme/api/tasks/\(second)", token: token, json: #"{"status":"running"}"#)
            #expect(started.status == .ok)
            #expect(try await list("?status=running").ids(of: "tasks") == [second])
            #expect(task(second, in: try await list())?["status"]?.string == "running")

            #expect(try await client.send(.delete, "/org/acme/api/tasks/\(second)", token: token).status == .noContent)
            #expect(try await list().ids(of: "tasks") == [seeded])

            // Deleting the project and the agent changes the seeded task's row without a task write.
            #expect(task(seeded, in: try await list())?["projectId"]?.string == data.acme.project.id.description)
            #expect(try await client.send(.delete, "/org/acme/api/projects/\(data.acme.project.id)", token: token).status == .noContent)
            #expect(task(seeded, in: try await list())?["projectId"] == nil)

            #expect(task(seeded, in: try await list())?["assignedAgentId"]?.string == data.acme.agent.id.description)
            #expect(try await client.send(.delete, "/org/acme/api/agents/\(data.acme.agent.id)", token: token).status == .noContent)
            #expect(task(seeded, in: try await list())?["assignedAgentId"] == nil)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func organizationsNeverShareAPage(backend: TestBackend) async throws {
        try await TestServer(environment: Self.cached, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            let query = "api/tasks?limit=5"
            let acme = try await client.send(.get, "/org/acme/\(query)", token: data.acme.token)
            let globex = try await client.send(.get, "/org/globex/\(query)", token: data.globex.token)
            #expect(try acme.json.ids(of: "tasks") == [data.acme.task.id.description])
            #expect(try globex.json.ids(of: "tasks") == [data.globex.task.id.description])
            for identifier in data.acme.identifiers { #expect(!globex.text.contains(identifier)) }
            for identifier in data.globex.identifiers { #expect(!acme.text.contains(identifier)) }

            // A change in globex drops globex's pages only: acme's kept page is still acme's, and globex sees its task.
            let created = try await client.send(.post, "/org/globex/api/tasks", token: data.globex.token, json: #"{"title":"Globex only"}"#)
            let globexTask = try #require(try created.json["id"]?.string)
            let acmeAgain = try await client.send(.get, "/org/acme/\(query)", token: data.acme.token)
            #expect(acmeAgain.text == acme.text)
            #expect(!acmeAgain.text.contains(globexTask))
            let globexAgain = try await client.send(.get, "/org/globex/\(query)", token: data.globex.token)
            #expect(try globexAgain.json.ids(of: "tasks") == [globexTask, data.globex.task.id.description])

            // Naming acme's page with globex's token is refused, kept page or not.
            let crossed = try await client.send(.get, "/org/acme/\(query)", token: data.globex.token)
            #expect(crossed.status == .forbidden)
            #expect(!crossed.text.contains(data.acme.task.id.description))
        }
    }

    @Test func keptPagesAreOnByDefaultAndCanBeTurnedOff() throws {
        func configuration(_ environment: [String: String]) throws -> TaskListCache.Configuration {
            try AppConfiguration(reading: { environment[$0] }).taskListCache
        }
        let postgres = "postgres://coordinaitor@localhost/coordinaitor"
        #expect(try configuration([:]).ttl == 5)
        #expect(try configuration(["DATABASE_URL": postgres]).ttl == 5)
        #expect(try configuration(["DATABASE_URL": postgres, "TASK_LIST_CACHE_TTL": "2"]).ttl == 2)
        #expect(try !configuration(["TASK_LIST_CACHE_TTL": "0"]).isEnabled)
        #expect(try !configuration(["TASK_LIST_CACHE_BYTES": "0"]).isEnabled)
        #expect(try configuration(["TASK_LIST_CACHE_BYTES": "1024"]).maximumBytes == 1024)
        #expect(throws: SettingError.self) { _ = try configuration(["TASK_LIST_CACHE_TTL": "-1"]) }
        #expect(throws: SettingError.self) { _ = try configuration(["TASK_LIST_CACHE_TTL": "soon"]) }
    }

    /// On PostgreSQL, which several nodes share, a change written past this node (here: straight to the store, as
    /// another node would) shows in the next list: the store's triggers number every change to an organization's tasks,
    /// and a kept page is served only under the number it was rendered with. Another organization's page stays kept.
    @Test func aChangeByAnotherNodeShowsAtOnceOnPostgreSQL() async throws {
        let time = ManualTimeSource(Date(timeIntervalSince1970: 1_800_000_000))
        try await TestServer(environment: Self.cached, backend: .postgres, time: time).run(seed: TwoTenants.seed) { client, services, data in
            func titles(_ tenant: TenantData, _ slug: String) async throws -> [String] {
                let page = try await client.send(.get, "/org/\(slug)/api/tasks", token: tenant.token).json
                return page["tasks"]?.array.compactMap { $0["title"]?.string } ?? []
            }
            #expect(try await titles(data.acme, "acme") == ["acme task"])
            #expect(try await titles(data.globex, "globex") == ["globex task"])
            let limits = UsageLimits.unlimited(in: UsagePeriod(containing: time.now()))
            _ = try await services.store.tasks.update(in: TenantScope(data.acme.organization), id: data.acme.task.id, limits: limits) { current in
                var renamed = current
                renamed.title = "renamed by another node"
                return renamed
            }
            #expect(try await titles(data.acme, "acme") == ["renamed by another node"])
            let other = try await services.store.tasks.find(in: TenantScope(data.acme.organization), id: data.acme.task.id)
            var added = try #require(other)
            added.id = TaskID(UUID())
            added.title = "added by another node"
            _ = try await services.store.tasks.create(in: TenantScope(data.acme.organization), added, limits: limits)
            #expect(try await titles(data.acme, "acme").contains("added by another node"))
            try await services.store.tasks.delete(in: TenantScope(data.acme.organization), id: added.id, limits: limits)
            #expect(try await titles(data.acme, "acme") == ["renamed by another node"])
            #expect(try await titles(data.globex, "globex") == ["globex task"])
        }
    }

    /// On SQLite, which this server alone writes, a change written to the database directly (as another process would)
    /// is not seen until the page's TTL runs out; with the cache off it is seen at once.
    @Test(arguments: [("5", true), ("0", false)])
    func aChangeBehindTheServersBackWaitsForTheTTL(ttl: String, isCached: Bool) async throws {
        let time = ManualTimeSource(Date(timeIntervalSince1970: 1_800_000_000))
        let environment = ["MULTI_TENANT_ENABLED": "true", "MULTI_TENANT_STRATEGY": "path", "TASK_LIST_CACHE_TTL": ttl]
        try await TestServer(environment: environment, time: time).run(seed: TwoTenants.seed) { client, services, data in
            func title() async throws -> String? {
                let page = try await client.send(.get, "/org/acme/api/tasks", token: data.acme.token).json
                return page["tasks"]?.array.first?["title"]?.string
            }
            #expect(try await title() == "acme task")
            // Straight to the store, past the services and their repositories.
            _ = try await services.store.tasks.update(
                in: TenantScope(data.acme.organization), id: data.acme.task.id, limits: .unlimited(in: UsagePeriod(containing: time.now()))
            ) { current in
                var renamed = current
                renamed.title = "renamed elsewhere"
                return renamed
            }
            time.advance(by: 4)
            #expect(try await title() == (isCached ? "acme task" : "renamed elsewhere"))
            time.advance(by: 1.5)
            #expect(try await title() == "renamed elsewhere")
        }
    }
}
