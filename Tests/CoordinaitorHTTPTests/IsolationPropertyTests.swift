import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import PropertyBased
import Testing

/// Random numbers of organizations with random numbers of projects, agents and tasks, created through the API on one
/// server: each organization's lists (read page by page), counts and usage figures are exactly what was created in it,
/// never another's. Shrinking is off: every run creates new organizations, and a failure prints its seed.
@Suite("Isolation properties: random organizations never mix")
struct IsolationPropertyTests {
    /// What one random organization gets.
    struct Shape: Sendable, CustomStringConvertible {
        var projects: Int
        var agents: Int
        var tasks: Int
        /// How many of the tasks are deleted again (tasks per month still counts them).
        var deletedTasks: Int
        /// The `limit` its lists are read with.
        var pageSize: Int

        var description: String { "\(self.projects)p/\(self.agents)a/\(self.tasks)t-\(self.deletedTasks) by \(self.pageSize)" }
    }

    /// One created organization and the ids made in it, oldest first.
    struct Created: Sendable {
        var shape: Shape
        var organization: Organization
        var token: String
        var projects: [String] = []
        var agents: [String] = []
        var tasks: [String] = []

        var host: String { "\(self.organization.subdomain).localhost" }
    }

    static let shapes = zip(
        Gen.int(in: 0...4), Gen.int(in: 0...3), Gen.int(in: 0...9), Gen.int(in: 0...3), Gen.int(in: 1...4)
    ).map { projects, agents, tasks, deleted, pageSize in
        Shape(projects: projects, agents: agents, tasks: tasks, deletedTasks: min(deleted, tasks), pageSize: pageSize)
    }.array(of: 1...4)

    @Test(.shrinking(false), arguments: TestBackend.allCases)
    func eachOrganizationSeesExactlyWhatWasCreatedInIt(backend: TestBackend) async throws {
        // PostgreSQL is slower per request: fewer runs show the same property on the second backend.
        let iterations = backend == .sqlite ? 25 : 6
        try await TestServer(environment: ["MULTI_TENANT_ENABLED": "true"], backend: backend).run(seed: { $0 }) { client, _, components in
            await propertyCheck(count: iterations, input: Self.shapes) { shapes in
                do {
                    var created: [Created] = []
                    for shape in shapes { created.append(try await Self.create(shape, client: client, components: components)) }
                    for organization in created { try await Self.expectExactly(organization, client: client) }
                } catch {
                    Issue.record(error, "creating or reading \(shapes)")
                }
            }
        }
    }

    /// A new enterprise organization (no limit is reached) whose projects, agents and tasks are created through the API.
    static func create(_ shape: Shape, client: some TestClientProtocol, components: ServerComponents) async throws -> Created {
        let slug = "p" + UUID().uuidString.prefix(8).lowercased()
        let owner = try await components.services.identities.signUp(email: "owner@\(slug).test", name: "Owner", password: TwoTenants.password)
        let organization = try await components.services.organizations.create(
            NewOrganization(
                name: slug, displayName: slug, subdomain: slug, domain: nil, tier: .enterprise, contactEmail: "admin@\(slug).test"),
            owner: owner.id)
        var created = Created(shape: shape, organization: organization, token: try await components.tokens.issue(for: owner.id).token)
        for index in 0..<shape.projects {
            created.projects.append(try await Self.post("/api/projects", #"{"name":"project \#(index)"}"#, in: created, client: client))
        }
        for index in 0..<shape.agents {
            created.agents.append(try await Self.post("/api/agents", #"{"name":"agent \#(index)","provider":"claude"}"#, in: created, client: client))
        }
        for index in 0..<shape.tasks {
            // Every other task points at one of the organization's own projects, when it has one.
            let project =
                created.projects.isEmpty || index.isMultiple(of: 2) ? "" : #","projectId":"\#(created.projects[index % created.projects.count])""#
            created.tasks.append(try await Self.post("/api/tasks", #"{"title":"task \#(index)"\#(project)}"#, in: created, client: client))
        }
        for id in created.tasks.prefix(shape.deletedTasks) {
            let deleted = try await client.send(.delete, "/api/tasks/\(id)", host: created.host, token: created.token)
            #expect(deleted.status == .noContent)
        }
        return created
    }

    static func post(_ path: String, _ json: String, in organization: Created, client: some TestClientProtocol) async throws -> String {
        let response = try await client.send(.post, path, host: organization.host, token: organization.token, json: json)
        #expect(response.status == .created, "\(path): \(response.text)")
        return try #require(try response.json["id"]?.string)
    }

    /// Lists, counts and usage of `organization` equal what was created in it.
    static func expectExactly(_ organization: Created, client: some TestClientProtocol) async throws {
        let shape = organization.shape
        let remainingTasks = Array(organization.tasks.dropFirst(shape.deletedTasks))
        for (path, key, expected) in [
            ("/api/projects", "projects", organization.projects), ("/api/agents", "agents", organization.agents),
            ("/api/tasks", "tasks", remainingTasks),
        ] {
            let listed = try await Self.readAllPages(path, key: key, of: organization, client: client)
            // Newest first (ids are UUIDv7), each once, nothing of another organization.
            #expect(listed == expected.reversed(), "\(shape) \(path)")
        }
        let usage = try await client.send(.get, "/api/organizations/\(organization.organization.id)/usage", token: organization.token)
        #expect(usage.status == .ok)
        let figures = try usage.json["usage"]
        #expect(figures?["projects"]?.number == Double(shape.projects), "\(shape)")
        #expect(figures?["agents"]?.number == Double(shape.agents), "\(shape)")
        #expect(figures?["tasksPerMonth"]?.number == Double(shape.tasks), "\(shape)")
        #expect(figures?["users"]?.number == 1, "\(shape)")
    }

    /// The ids of every page of a list, following `nextCursor`.
    static func readAllPages(_ path: String, key: String, of organization: Created, client: some TestClientProtocol) async throws -> [String] {
        var ids: [String] = []
        var cursor: String? = nil
        repeat {
            let query = "?limit=\(organization.shape.pageSize)" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try await client.send(.get, path + query, host: organization.host, token: organization.token)
            #expect(page.status == .ok, "\(path): \(page.text)")
            let json = try page.json
            ids += json.ids(of: key)
            cursor = json["nextCursor"]?.string
            // A page never holds more than asked, and a page of a list that goes on is full.
            #expect(json.ids(of: key).count <= organization.shape.pageSize)
            if cursor != nil { #expect(json.ids(of: key).count == organization.shape.pageSize) }
        } while cursor != nil && ids.count <= 100
        return ids
    }
}
