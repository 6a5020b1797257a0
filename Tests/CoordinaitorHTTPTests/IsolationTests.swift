import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every tenant route, tried from one organization against the other's data, must answer as if that data did not exist.
@Suite("Tenant isolation over the route table")
struct IsolationTests {
    /// How each tenant route is attacked: the id to put in the path and a body for writes. A route missing here fails the suite.
    struct Attack: Sendable {
        var pathID: @Sendable (TenantData) -> String?
        var body: @Sendable (TenantData) -> String?
    }

    static let attacks: [String: Attack] = [
        "GET /api/projects": Attack(pathID: { _ in nil }, body: { _ in nil }),
        "POST /api/projects": Attack(pathID: { _ in nil }, body: { _ in #"{"name":"created by the attacker"}"# }),
        "GET /api/projects/{id}": Attack(pathID: { $0.project.id.description }, body: { _ in nil }),
        "PATCH /api/projects/{id}": Attack(pathID: { $0.project.id.description }, body: { _ in #"{"name":"hijacked"}"# }),
        "DELETE /api/projects/{id}": Attack(pathID: { $0.project.id.description }, body: { _ in nil }),
        "GET /api/agents": Attack(pathID: { _ in nil }, body: { _ in nil }),
        "POST /api/agents": Attack(pathID: { _ in nil }, body: { _ in #"{"name":"created by the attacker","provider":"gpt"}"# }),
        "GET /api/agents/{id}": Attack(pathID: { $0.agent.id.description }, body: { _ in nil }),
        "PATCH /api/agents/{id}": Attack(pathID: { $0.agent.id.description }, body: { _ in #"{"name":"hijacked"}"# }),
        "DELETE /api/agents/{id}": Attack(pathID: { $0.agent.id.description }, body: { _ in nil }),
        "GET /api/tasks": Attack(pathID: { _ in nil }, body: { _ in nil }),
        // Creating a task that points at the victim's project and agent.
        "POST /api/tasks": Attack(pathID: { _ in nil }, body: { victim in #"{"title":"steal","projectId":"\#(victim.project.id)"}"# }),
        "GET /api/tasks/{id}": Attack(pathID: { $0.task.id.description }, body: { _ in nil }),
        "PATCH /api/tasks/{id}": Attack(pathID: { $0.task.id.description }, body: { _ in #"{"status":"cancelled"}"# }),
        "DELETE /api/tasks/{id}": Attack(pathID: { $0.task.id.description }, body: { _ in nil }),
        // The seed stores an artifact with each task: the victim's task and artifact name go in the path.
        "GET /api/tasks/{id}/artifacts": Attack(pathID: { $0.task.id.description }, body: { _ in nil }),
        "PUT /api/tasks/{id}/artifacts/{name}": Attack(pathID: { $0.task.id.description }, body: { _ in #"{"overwritten":true}"# }),
        "GET /api/tasks/{id}/artifacts/{name}": Attack(pathID: { $0.task.id.description }, body: { _ in nil }),
        "DELETE /api/tasks/{id}/artifacts/{name}": Attack(pathID: { $0.task.id.description }, body: { _ in nil }),
        // The seed has no webhooks: a victim's id goes in the path here; WebhookTests attacks a real webhook.
        "GET /api/webhooks": Attack(pathID: { _ in nil }, body: { _ in nil }),
        "POST /api/webhooks": Attack(pathID: { _ in nil }, body: { _ in #"{"url":"https://hooks.example.com/attacker","events":["task.created"]}"# }),
        "GET /api/webhooks/{id}": Attack(pathID: { $0.task.id.description }, body: { _ in nil }),
        "DELETE /api/webhooks/{id}": Attack(pathID: { $0.task.id.description }, body: { _ in nil }),
        "GET /api/webhooks/{id}/deliveries": Attack(pathID: { $0.task.id.description }, body: { _ in nil }),
    ]

    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    @Test func everyTenantRouteHasAnAttack() async throws {
        let routes = try await TestServer(environment: Self.multiTenant).routes().filter(\.isTenantRoute)
        #expect(!routes.isEmpty)
        for route in routes {
            #expect(Self.attacks[route.description] != nil, "Add \(route) to IsolationTests.attacks")
        }
    }

    /// The ways a request can name a tenant, for one organization (`acme`) under each strategy.
    static let namings: [(environment: [String: String], name: String)] = [
        (["MULTI_TENANT_STRATEGY": "subdomain"], "subdomain"),
        (["MULTI_TENANT_STRATEGY": "domain"], "domain"),
        (["MULTI_TENANT_STRATEGY": "header"], "header"),
        (["MULTI_TENANT_STRATEGY": "path"], "path"),
    ]

    static func request(_ route: RouteRegistry.Route, as tenant: TenantData, strategy: String, pathID: String?)
        -> (uri: String, host: String?, headers: HTTPFields)
    {
        var path = route.path
        if let pathID { path = path.replacingOccurrences(of: "{id}", with: pathID) }
        path = path.replacingOccurrences(of: "{name}", with: TenantData.artifactName)
        let organization = tenant.organization
        switch strategy {
        case "subdomain": return (path, "\(organization.subdomain).localhost", [:])
        case "domain": return (path, organization.domain, [:])
        case "header": return (path, nil, [.tenantHeader: organization.id.description])
        default: return ("/org/\(organization.subdomain)\(path)", nil, [:])
        }
    }

    @Test(arguments: IsolationTests.namings.map(\.name), TestBackend.allCases)
    func noRouteReachesTheOtherOrganization(strategy: String, backend: TestBackend) async throws {
        let environment = Self.multiTenant.merging(["MULTI_TENANT_STRATEGY": strategy]) { $1 }
        let routes = try await TestServer(environment: environment).routes().filter(\.isTenantRoute)
        try await TestServer(environment: environment, backend: backend).run(seed: TwoTenants.seed) { client, services, data in
            for (attacker, victim) in [(data.acme, data.globex), (data.globex, data.acme)] {
                for route in routes {
                    let attack = try #require(Self.attacks[route.description])
                    let target = Self.request(route, as: attacker, strategy: strategy, pathID: attack.pathID(victim))
                    let method = HTTPRequest.Method(route.method)!
                    let response = try await client.send(
                        method, target.uri, host: target.host, token: attacker.token, headers: target.headers, json: attack.body(victim))
                    for id in victim.identifiers {
                        #expect(!response.textWithoutEcho.contains(id), "\(strategy) \(route) leaked \(id)")
                    }
                    #expect(response.headers[.tenantHeader] == attacker.organization.id.description, "\(strategy) \(route)")
                    if attack.pathID(victim) != nil || route.description == "POST /api/tasks" {
                        #expect(response.status == .notFound, "\(strategy) \(route) answered \(response.status)")
                    } else {
                        #expect(response.status.code < 300, "\(strategy) \(route) answered \(response.status)")
                    }
                }
                // The victim's rows are exactly as seeded.
                let scope = TenantScope(victim.organization)
                #expect(try await services.projects.get(in: scope, id: victim.project.id) == victim.project)
                #expect(try await services.agents.get(in: scope, id: victim.agent.id) == victim.agent)
                #expect(try await services.tasks.get(in: scope, id: victim.task.id) == victim.task)
                let artifact = try await services.artifacts.get(in: scope, taskID: victim.task.id, name: try ArtifactName(TenantData.artifactName))
                #expect(artifact.content == Array(victim.organization.subdomain.utf8))
            }
        }
    }

    @Test func aMissingIdAndAnotherOrganizationsIdAnswerTheSame() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            let foreign = try await client.send(.get, "/api/tasks/\(data.globex.task.id)", host: "acme.localhost", token: data.acme.token)
            let missing = try await client.send(.get, "/api/tasks/00000000-0000-7000-8000-000000000000", host: "acme.localhost", token: data.acme.token)
            #expect(foreign.status == .notFound)
            #expect(foreign.status == missing.status)
            #expect(foreign.problemCode == missing.problemCode)
            #expect(try foreign.json["detail"] == missing.json["detail"])
        }
    }

    @Test(arguments: TestBackend.allCases)
    func aTaskCannotPointAtAnotherOrganizationsAgentOrBeMovedToItsProject(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            let create = try await client.send(
                .post, "/api/tasks", host: "acme.localhost", token: data.acme.token, json: #"{"title":"x","assignedAgentId":"\#(data.globex.agent.id)"}"#)
            #expect(create.status == .notFound)
            #expect(create.problemCode == "agent_not_found")
            #expect(try create.json["field"]?.string == "assignedAgentId")
            let move = try await client.send(
                .patch, "/api/tasks/\(data.acme.task.id)", host: "acme.localhost", token: data.acme.token, json: #"{"projectId":"\#(data.globex.project.id)"}"#)
            #expect(move.status == .notFound)
            #expect(move.problemCode == "project_not_found")
            let unchanged = try await client.send(.get, "/api/tasks/\(data.acme.task.id)", host: "acme.localhost", token: data.acme.token)
            #expect(try unchanged.json["projectId"]?.string == data.acme.project.id.description)
        }
    }
}
