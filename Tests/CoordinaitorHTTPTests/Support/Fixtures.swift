import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// One organization's seeded rows, and its owner with a signed-in token.
struct TenantData: Sendable {
    var organization: Organization
    var owner: User
    var token: String
    var project: Project
    var agent: Agent
    var task: WorkTask

    /// The name of the artifact the seed stores with each task (its content is the organization's subdomain).
    static let artifactName = "report.txt"

    /// Every id that belongs to this organization; no response to another organization may contain any of them.
    var identifiers: [String] {
        [self.organization.id.description, self.project.id.description, self.agent.id.description, self.task.id.description]
    }
}

/// Two organizations with the same shape of data: acme (acme.test) and globex (globex.test).
struct TwoTenants: Sendable {
    var acme: TenantData
    var globex: TenantData

    static let password = "correct horse battery staple"

    /// Both organizations on the professional tier: limits and rate limits that ordinary tests never reach.
    static func seed(_ components: ServerComponents) async throws -> TwoTenants {
        try await Self.seed(components, tier: .professional)
    }

    /// Both organizations on `tier`.
    static func seed(_ components: ServerComponents, tier: Tier) async throws -> TwoTenants {
        TwoTenants(
            acme: try await Self.seedOne(components, name: "acme-corp", subdomain: "acme", domain: "acme.test", tier: tier),
            globex: try await Self.seedOne(components, name: "globex", subdomain: "globex", domain: "globex.test", tier: tier)
        )
    }

    static func seedOne(
        _ components: ServerComponents,
        name: String,
        subdomain: String,
        domain: String,
        tier: Tier = .professional
    ) async throws -> TenantData {
        let services = components.services
        let owner = try await services.identities.signUp(email: "owner@\(domain)", name: "\(name) owner", password: Self.password)
        let organization = try await services.organizations.create(
            NewOrganization(
                name: name, displayName: name.capitalized, subdomain: subdomain, domain: domain, tier: tier, contactEmail: "admin@\(domain)"
            ),
            owner: owner.id
        )
        let project = try await services.projects.create(in: organization, NewProject(name: "\(subdomain) project"))
        let agent = try await services.agents.create(in: organization, NewAgent(name: "\(subdomain) agent", provider: .claude))
        let task = try await services.tasks.create(
            in: organization,
            NewTask(title: "\(subdomain) task", projectID: project.id, assignedAgentID: agent.id, input: .object(["tenant": .string(subdomain)]))
        )
        _ = try await services.artifacts.put(
            in: organization,
            taskID: task.id,
            name: try ArtifactName(TenantData.artifactName),
            contentType: "text/plain",
            content: Array(subdomain.utf8)
        )
        let token = try await components.tokens.issue(for: owner.id).token
        return TenantData(organization: organization, owner: owner, token: token, project: project, agent: agent, task: task)
    }
}

extension TestClientProtocol {
    /// Sends a request with an optional Host and JSON body.
    func send(
        _ method: HTTPRequest.Method,
        _ uri: String,
        host: String? = nil,
        token: String? = nil,
        headers: HTTPFields = [:],
        json: String? = nil
    ) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let host, let name = HTTPField.Name("Host") { headers[name] = host }
        if json != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await self.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    /// The body parsed as JSON.
    var json: JSONValue {
        get throws { try JSONDecoder().decode(JSONValue.self, from: Data(self.body.readableBytesView)) }
    }

    var text: String { String(buffer: self.body) }

    /// The body without what merely echoes the request (a problem's `instance`, the path the client sent).
    var textWithoutEcho: String {
        guard case .object(var object) = try? self.json else { return self.text }
        object["instance"] = nil
        return (try? JSONEncoder().encode(JSONValue.object(object))).map { String(decoding: $0, as: UTF8.self) } ?? self.text
    }

    /// The stable `code` of a problem response.
    var problemCode: String? {
        guard case .object(let object) = try? self.json, case .string(let code) = object["code"] else { return nil }
        return code
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    var array: [JSONValue] {
        guard case .array(let items) = self else { return [] }
        return items
    }

    var string: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The `id` of every item of the list under `key`.
    func ids(of key: String) -> [String] {
        (self[key]?.array ?? []).compactMap { $0["id"]?.string }
    }
}

extension HTTPField.Name {
    static let tenantHeader = HTTPField.Name("X-Tenant-ID")!
}

extension TwoTenants {
    /// Signs up a user, gives them `role` in `tenant` (or no membership), and returns a token for them.
    static func member(
        _ components: ServerComponents,
        of tenant: TenantData?,
        role: Role,
        email: String,
        isSuperAdmin: Bool = false
    ) async throws -> (user: User, token: String) {
        let identities = components.services.identities
        let user =
            isSuperAdmin
            ? try await identities.ensureSuperAdmin(email: email, name: "Someone", password: Self.password)
            : try await identities.signUp(email: email, name: "Someone", password: Self.password)
        if let tenant {
            let now = Date()
            _ = try await components.services.store.memberships.add(
                in: TenantScope(tenant.organization),
                Membership(organizationID: tenant.organization.id, userID: user.id, role: role, createdAt: now, updatedAt: now),
                limits: .unlimited(in: UsagePeriod(containing: now))
            )
        }
        return (user, try await components.tokens.issue(for: user.id).token)
    }
}
