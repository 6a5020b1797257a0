import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Foundation
import HTTPTypes

/// Who sends a request of the isolation matrix: a member of acme with a role, an API key of acme with every scope, a
/// platform super admin (a member of nowhere), or nobody at all.
enum MatrixCaller: Hashable, Sendable, CustomStringConvertible {
    case member(Role)
    case apiKey
    case superAdmin
    case anonymous

    static let all: [MatrixCaller] = Role.allCases.map(MatrixCaller.member) + [.apiKey, .superAdmin, .anonymous]

    var description: String {
        switch self {
        case .member(let role): "acme \(role.rawValue)"
        case .apiKey: "acme API key"
        case .superAdmin: "super admin"
        case .anonymous: "anonymous"
        }
    }

    /// Members, keys and strangers come from acme and aim at globex; the super admin crosses into globex.
    var namings: [TenantNaming] {
        switch self {
        case .member, .apiKey, .anonymous: [.own, .otherIDs, .otherSubresourceIDs, .otherTenant, .noTenant]
        case .superAdmin: [.crossing, .noTenant]
        }
    }
}

/// How a request of the matrix names its organization (host, header or path prefix, by strategy) and fills its path.
enum TenantNaming: String, Sendable {
    /// acme named, acme's ids.
    case own
    /// acme named; every id of the path (and of the body) is globex's.
    case otherIDs
    /// acme's organization id with globex's member, invitation or key id (only routes with such an id).
    case otherSubresourceIDs
    /// globex named by host, header or path prefix, with acme's ids and acme's credentials.
    case otherTenant
    /// Nothing names an organization.
    case noTenant
    /// The super admin: globex named, globex's ids.
    case crossing
}

/// What the matrix expects of one request.
enum MatrixExpectation: Sendable, CustomStringConvertible {
    /// A 2xx: a read the caller is allowed.
    case success
    /// Past authorization, whatever the handler then answers (a write without a body is a 400): never 401, 403 or 5xx.
    case handled
    /// This status, and this problem code when one is given.
    case refused(HTTPResponse.Status, code: String?)

    var description: String {
        switch self {
        case .success: "2xx"
        case .handled: "handled"
        case .refused(let status, let code): "\(status.code) \(code ?? "")"
        }
    }

    /// The request passes authorization.
    var isAllowed: Bool {
        switch self {
        case .success, .handled: true
        case .refused: false
        }
    }

    func isMet(status: HTTPResponse.Status, problemCode: String?) -> Bool {
        switch self {
        case .success: (200..<300).contains(status.code)
        case .handled: status.code < 500 && status != .unauthorized && status != .forbidden
        case .refused(let expected, let code): status == expected && (code == nil || problemCode == code)
        }
    }
}

/// One organization of the matrix: the seeded rows plus a webhook, an API key and an invitation, so that every path
/// parameter has a real id of each organization to aim at.
struct MatrixTenant: Sendable {
    var data: TenantData
    var webhookID: String
    var apiKeyID: String
    var invitationID: String

    var organization: Organization { self.data.organization }

    /// Every id of this organization's data; no response to someone outside it may hold one.
    var identifiers: [String] {
        self.data.identifiers + [self.data.owner.id.description, self.webhookID, self.apiKeyID, self.invitationID]
    }

    static func seed(_ components: ServerComponents, _ data: TenantData) async throws -> MatrixTenant {
        let services = components.services
        let scope = TenantScope(data.organization)
        // A loopback target that nothing listens on: no event of the matrix is subscribed anyway.
        let webhook = try await services.webhooks.create(
            in: data.organization, NewWebhook(url: "http://127.0.0.1:9/hook", events: [.taskCompleted]))
        let key = try await services.apiKeys.create(in: scope, name: "ci", scopes: [.read], expiresAt: nil, createdBy: data.owner.id)
        let invitation = try await services.invitations.invite(
            in: scope, email: "invitee@\(data.organization.subdomain).test", role: .member, lifetime: nil,
            by: MemberActor(userID: data.owner.id, role: .owner))
        // The matrix sends a few thousand requests in seconds; the tier's rate limit is not what it tests.
        _ = try await components.setOverrides(
            PlanOverrides(rateLimit: RateLimitPolicy(requestsPerHour: 100_000_000, burst: 1_000_000)), of: data.organization)
        return MatrixTenant(
            data: data, webhookID: webhook.webhook.id.description, apiKeyID: key.key.id.description,
            invitationID: invitation.invitation.id.description)
    }

    /// This organization's real id for `parameter` of `route`.
    func id(of parameter: String, in route: RouteRegistry.Route) -> String? {
        switch parameter {
        case "{userId}": return self.data.owner.id.description
        case "{invitationId}": return self.invitationID
        case "{keyId}": return self.apiKeyID
        case "{id}": break
        default: return nil
        }
        let owners: [(prefix: String, id: String)] = [
            ("/api/organizations/", self.organization.id.description), ("/api/projects/", self.data.project.id.description),
            ("/api/agents/", self.data.agent.id.description), ("/api/tasks/", self.data.task.id.description),
            ("/api/webhooks/", self.webhookID),
        ]
        return owners.first { route.path.hasPrefix($0.prefix) }?.id
    }
}

/// Everything one matrix server is seeded with.
struct MatrixData: Sendable {
    var acme: MatrixTenant
    var globex: MatrixTenant
    /// acme's members, one per role.
    var tokens: [Role: String]
    /// An API key of acme with every scope.
    var apiKey: String
    var apiKeyID: String
    var superAdminToken: String
    var superAdminEmail: String

    static func seed(_ components: ServerComponents) async throws -> MatrixData {
        let tenants = try await TwoTenants.seed(components)
        var tokens: [Role: String] = [.owner: tenants.acme.token]
        for role in Role.allCases where role != .owner {
            tokens[role] = try await TwoTenants.member(components, of: tenants.acme, role: role, email: "\(role.rawValue)@acme.test").token
        }
        let key = try await components.services.apiKeys.create(
            in: TenantScope(tenants.acme.organization), name: "matrix", scopes: Set(APIKeyScope.allCases), expiresAt: nil,
            createdBy: tenants.acme.owner.id)
        let email = "root@platform.test"
        let superAdmin = try await TwoTenants.member(components, of: nil, role: .owner, email: email, isSuperAdmin: true)
        return MatrixData(
            acme: try await MatrixTenant.seed(components, tenants.acme),
            globex: try await MatrixTenant.seed(components, tenants.globex),
            tokens: tokens, apiKey: key.secret, apiKeyID: key.key.id.description, superAdminToken: superAdmin.token, superAdminEmail: email)
    }

    func token(of caller: MatrixCaller) -> String? {
        switch caller {
        case .member(let role): self.tokens[role]
        case .apiKey: self.apiKey
        case .superAdmin: self.superAdminToken
        case .anonymous: nil
        }
    }
}

/// One request of the matrix, and the rules that build it and say what it must get.
struct MatrixRequest: Sendable {
    static let missingID = "00000000-0000-7000-8000-000000000000"

    var method: HTTPRequest.Method
    var uri: String
    /// The path the server routes, without a `/org/{key}` prefix: what security events record as attempted.
    var routedPath: String
    var host: String?
    var headers: HTTPFields
    var body: String?
    /// The organization the request names, if any.
    var named: Organization?

    /// Builds the request `caller` sends to `route` under `naming` and `strategy`; nil when the naming does not apply
    /// to the route (globex's member, invitation or key ids on a route that has none).
    init?(route: RouteRegistry.Route, caller: MatrixCaller, naming: TenantNaming, strategy: String, data: MatrixData) {
        guard let method = HTTPRequest.Method(route.method) else { return nil }
        let hasSubresource = ["{userId}", "{invitationId}", "{keyId}"].contains { route.path.contains($0) }
        if naming == .otherSubresourceIDs, !hasSubresource { return nil }
        self.method = method

        let (organizationOwner, resourceOwner, named) = Self.sides(naming: naming, caller: caller, data: data)
        // A real id where the request cannot change the caller's own data by design (reads, and the attacks on globex).
        let useRealIDs = method == .get || naming == .otherIDs || naming == .otherSubresourceIDs
        var path = route.path
        for parameter in ["{id}", "{userId}", "{invitationId}", "{keyId}"] where path.contains(parameter) {
            let isOrganization = parameter == "{id}" && route.path.hasPrefix("/api/organizations/")
            let owner = isOrganization ? organizationOwner : resourceOwner
            let value = isOrganization || useRealIDs ? owner.id(of: parameter, in: route) : Self.missingID
            path = path.replacingOccurrences(of: parameter, with: value ?? parameter)
        }
        path = path.replacingOccurrences(of: "{name}", with: TenantData.artifactName)
        self.routedPath = path
        self.named = named?.organization

        self.host = nil
        self.headers = [:]
        self.uri = path
        if let organization = named?.organization {
            switch strategy {
            case "subdomain": self.host = "\(organization.subdomain).localhost"
            case "header": self.headers[.tenantHeader] = organization.id.description
            default: self.uri = "/org/\(organization.subdomain)\(path)"
            }
        }
        switch naming {
        case .otherIDs where route.isTenantRoute: self.body = IsolationTests.attacks[route.description]?.body(data.globex.data)
        // A valid body, so that only the membership lookup stands between acme's admin and globex's owner.
        case .otherSubresourceIDs where method == .patch: self.body = #"{"role":"viewer"}"#
        default: self.body = nil
        }
    }

    /// Whose organization id goes in the path, whose other ids, and which organization the request names.
    private static func sides(naming: TenantNaming, caller: MatrixCaller, data: MatrixData)
        -> (organization: MatrixTenant, resources: MatrixTenant, named: MatrixTenant?)
    {
        switch naming {
        case .own: (data.acme, data.acme, data.acme)
        case .otherIDs: (data.globex, data.globex, data.acme)
        case .otherSubresourceIDs: (data.acme, data.globex, data.acme)
        case .otherTenant: (data.acme, data.acme, data.globex)
        case .noTenant: caller == .superAdmin ? (data.globex, data.globex, nil) : (data.acme, data.acme, nil)
        case .crossing: (data.globex, data.globex, data.globex)
        }
    }

    /// What `caller` must get from `route` under `naming`, derived from the route's requirement.
    static func expectation(
        for route: RouteRegistry.Route, requirement: RouteRequirement, caller: MatrixCaller, naming: TenantNaming
    ) -> MatrixExpectation {
        let allowed: MatrixExpectation = route.method == "GET" ? .success : .handled
        let unauthenticated = MatrixExpectation.refused(.unauthorized, code: "authentication_required")
        if case .metricsToken = requirement { return .refused(.unauthorized, code: "metrics_token_required") }

        if route.isTenantRoute {
            // Resolution runs before authentication is checked: no organization, nothing else matters.
            if naming == .noTenant { return .refused(.notFound, code: "tenant_not_found") }
            let permitted: Bool
            switch caller {
            case .anonymous: return unauthenticated
            case .superAdmin: return allowed
            case .member(let role): permitted = requirement.allows(role)
            case .apiKey: permitted = requirement.allowsAPIKeys
            }
            if naming == .otherTenant { return .refused(.forbidden, code: "cross_tenant_access_denied") }
            if !permitted { return .refused(.forbidden, code: "permission_denied") }
            // Another organization's row answers as if it did not exist (a task pointing at its project too).
            let aimsAtARow = route.path.contains("{") || route.description == "POST /api/tasks"
            return naming == .otherIDs && aimsAtARow ? .refused(.notFound, code: nil) : allowed
        }

        // Organizations and accounts are for people: a key is refused before anything is looked up.
        let userRequired = MatrixExpectation.refused(.forbidden, code: "user_required")
        if route.path.hasPrefix("/api/organizations/{id}") {
            switch caller {
            case .anonymous: return unauthenticated
            case .apiKey: return userRequired
            case .superAdmin:
                if case .owner = requirement { return .refused(.forbidden, code: "permission_denied") }
                return allowed
            case .member(let role):
                if case .superAdmin = requirement { return .refused(.forbidden, code: "super_admin_required") }
                if naming == .otherIDs || naming == .otherTenant { return .refused(.forbidden, code: "cross_tenant_access_denied") }
                if !requirement.allows(role) { return .refused(.forbidden, code: "permission_denied") }
                return naming == .otherSubresourceIDs ? .refused(.notFound, code: nil) : allowed
            }
        }

        switch (requirement, caller) {
        case (.open, _): return allowed
        case (_, .anonymous): return unauthenticated
        case (_, .apiKey): return userRequired
        case (.superAdmin, .member): return .refused(.forbidden, code: "super_admin_required")
        default: return allowed
        }
    }
}
