import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every registered route × every caller (each role of acme, an API key of acme, a super admin, nobody) × every way
/// to name a tenant (see ``TenantNaming``), under each strategy that reads the tenant from the request: the status the
/// route's requirement calls for, no identifier of globex's data in any answer a non-super-admin gets, refusals and
/// super-admin crossings recorded in the audit log, and globex's rows untouched. The routes come from the route table,
/// so a new route without a ``RouteRequirement/table`` entry fails here (and in ``RoleMatrixTests``).
@Suite("Isolation matrix: route × caller × tenant naming")
struct IsolationMatrixTests {
    /// The domain strategy names tenants by host as the subdomain strategy does; ``IsolationTests`` covers it.
    static let strategies = ["subdomain", "header", "path"]

    static func environment(strategy: String) -> [String: String] {
        [
            "MULTI_TENANT_ENABLED": "true", "MULTI_TENANT_STRATEGY": strategy,
            // With a token, /metrics (labelled per organization, for operators) answers nobody in the matrix.
            "METRICS_TOKEN": "isolation-matrix-metrics-token",
            "WEBHOOK_ALLOW_PRIVATE_TARGETS": "true",
        ]
    }

    /// Requests whose success changes an organization's status; the matrix puts it back so later requests meet an
    /// active organization.
    static let statusChanging: Set<String> = ["DELETE /api/organizations/{id}", "POST /api/organizations/{id}/suspend"]

    /// What the audit log must show afterwards, counted from the responses.
    struct Recorded: Sendable {
        var crossTenantRefusals = 0
        var unresolvedTenants = 0
        /// `METHOD /path` of every super-admin request that reached globex's access decision.
        var crossings: [String] = []
    }

    @Test(arguments: IsolationMatrixTests.strategies, TestBackend.allCases)
    func everyCallerGetsWhatTheRouteAllowsAndNothingOfTheOtherOrganization(strategy: String, backend: TestBackend) async throws {
        let environment = Self.environment(strategy: strategy)
        let routes = try await TestServer(environment: environment).routes()
        try await TestServer(environment: environment, backend: backend).run(seed: MatrixData.seed) { client, services, data in
            var recorded = Recorded()
            for caller in MatrixCaller.all {
                for naming in caller.namings {
                    for route in routes {
                        guard let request = MatrixRequest(route: route, caller: caller, naming: naming, strategy: strategy, data: data) else {
                            continue
                        }
                        let label = "\(strategy) \(caller) \(naming) \(route)"
                        let requirement = try #require(RouteRequirement.table[route.description], "Add \(route) to RouteRequirement.table")
                        #expect(!request.routedPath.contains("{"), "\(label): a path parameter the matrix cannot fill")
                        let expected = MatrixRequest.expectation(for: route, requirement: requirement, caller: caller, naming: naming)
                        let response = try await client.send(
                            request.method, request.uri, host: request.host, token: data.token(of: caller), headers: request.headers,
                            json: request.body)
                        // Parsed only when it is a problem: some bodies are the whole OpenAPI document.
                        let problemCode = response.headers[.contentType] == "application/problem+json" ? response.problemCode : nil
                        #expect(
                            expected.isMet(status: response.status, problemCode: problemCode),
                            "\(label): expected \(expected), got \(response.status.code) \(problemCode ?? "")")
                        if caller != .superAdmin {
                            let leaked = Self.leakedIDs(in: response, of: data.globex)
                            #expect(leaked.isEmpty, "\(label) leaked \(leaked)")
                        }
                        if route.isTenantRoute, let named = request.named, expected.isAllowed {
                            #expect(response.headers[.tenantHeader] == named.id.description, "\(label)")
                        }
                        Self.count(problemCode, caller: caller, route: route, request: request, into: &recorded)
                        if Self.statusChanging.contains(route.description), response.status.code < 300 {
                            for tenant in [data.acme, data.globex] where request.routedPath.contains(tenant.organization.id.description) {
                                _ = try await services.organizations.setStatus(.active, of: .id(tenant.organization.id))
                            }
                        }
                    }
                }
            }
            try await Self.expectRecorded(recorded, services: services, data: data)
            try await Self.expectUntouched(data.globex, services: services)
        }
    }

    /// globex's ids in the fields and the body, leaving out what merely echoes the request (a problem's `instance`).
    static func leakedIDs(in response: TestResponse, of victim: MatrixTenant) -> Set<String> {
        let ids = Set(victim.identifiers)
        let inFields = response.headers.map(\.value).joined(separator: " ").uuids.intersection(ids)
        // Most bodies hold none of them at all; only the others are parsed to take the echo out.
        guard !response.text.uuids.isDisjoint(with: ids) else { return inFields }
        return inFields.union(response.textWithoutEcho.uuids.intersection(ids))
    }

    static func count(
        _ problemCode: String?, caller: MatrixCaller, route: RouteRegistry.Route, request: MatrixRequest, into recorded: inout Recorded
    ) {
        switch problemCode {
        case "cross_tenant_access_denied": recorded.crossTenantRefusals += 1
        case "tenant_not_found": recorded.unresolvedTenants += 1
        default: break
        }
        // The access decision is made (and recorded) once an organization is found: named, or in the path.
        let reachesAnOrganization = route.isTenantRoute ? request.named != nil : route.path.hasPrefix("/api/organizations/{id}")
        if caller == .superAdmin, reachesAnOrganization {
            recorded.crossings.append("\(request.method.rawValue) \(request.routedPath)")
        }
    }

    /// Every crossing in globex's log with its path, every cross-tenant refusal and unresolved tenant in the platform's.
    static func expectRecorded(_ recorded: Recorded, services: CoreServices, data: MatrixData) async throws {
        let globex = AuditChain(data.globex.organization.id)
        let crossings = try await services.auditLog.entries(in: globex, action: AuditAction.superAdminCrossing.rawValue)
        #expect(crossings.compactMap { $0.event.metadata["attempted"] }.sorted() == recorded.crossings.sorted())
        #expect(crossings.allSatisfy { $0.event.actor.email == data.superAdminEmail })
        let refusals = try await services.auditLog.entries(in: .platform, action: AuditAction.crossTenantDenied.rawValue)
        #expect(refusals.count == recorded.crossTenantRefusals)
        #expect(refusals.allSatisfy { $0.event.actor.email?.hasSuffix("@acme.test") == true || $0.event.actor.id == data.apiKeyID })
        let unresolved = try await services.auditLog.entries(in: .platform, action: AuditAction.tenantUnresolved.rawValue)
        #expect(unresolved.count == recorded.unresolvedTenants)
    }

    /// globex's rows, webhook, key, invitation, owner and status are as seeded.
    static func expectUntouched(_ victim: MatrixTenant, services: CoreServices) async throws {
        let scope = TenantScope(victim.organization)
        #expect(try await services.projects.get(in: scope, id: victim.data.project.id) == victim.data.project)
        #expect(try await services.agents.get(in: scope, id: victim.data.agent.id) == victim.data.agent)
        #expect(try await services.tasks.get(in: scope, id: victim.data.task.id) == victim.data.task)
        let artifact = try await services.artifacts.get(in: scope, taskID: victim.data.task.id, name: try ArtifactName(TenantData.artifactName))
        #expect(artifact.content == Array(victim.organization.subdomain.utf8))
        let webhooks = try await services.webhooks.list(in: scope, page: PageRequest())
        #expect(webhooks.items.map(\.id.description) == [victim.webhookID])
        let keys = try await services.apiKeys.list(in: scope, page: PageRequest())
        #expect(keys.items.map(\.id.description) == [victim.apiKeyID])
        #expect(keys.items.allSatisfy { $0.revokedAt == nil })
        let invitations = try await services.invitations.list(in: scope, page: PageRequest())
        #expect(invitations.items.map(\.id.description) == [victim.invitationID])
        #expect(invitations.items.allSatisfy { $0.revokedAt == nil })
        let members = try await services.store.memberships.list(in: scope, page: PageRequest())
        #expect(members.items.map { "\($0.userID) \($0.role)" } == ["\(victim.data.owner.id) owner"])
        let organization = try #require(try await services.organizations.find(.id(victim.organization.id)))
        #expect(organization.status == .active)
        #expect(organization.tier == victim.organization.tier)
    }
}
