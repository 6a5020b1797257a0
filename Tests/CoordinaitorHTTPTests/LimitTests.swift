import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Every limit at limit − 1, limit and limit + 1, per tier, through the API.
@Suite("Tier limits")
struct LimitTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    static let tiers: [Tier] = [.free, .starter, .professional]

    /// A bearer token and acme's host, for requests with a raw body.
    static func acme(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", HTTPField.Name("Host")!: "acme.localhost"]
    }

    /// Projects and agents are capacities: creation answers 403 `limit_exceeded` past the maximum, and deleting frees a slot.
    @Test(arguments: TestBackend.allCases, tiers)
    func projectsAndAgentsStopAtTheirMaximum(backend: TestBackend, tier: Tier) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { try await TwoTenants.seed($0, tier: tier) }) { client, _, data in
            let acme = data.acme
            let plan = TierCatalog.plan(for: tier)
            for (path, metric, body) in [
                ("/api/projects", UsageMetric.projects, { (i: Int) in #"{"name":"project \#(i)"}"# }),
                ("/api/agents", .agents, { (i: Int) in #"{"name":"agent \#(i)","provider":"claude"}"# }),
            ] {
                let maximum = try #require(plan.limits[metric])
                // The seed made one of each: create up to the maximum, each one allowed.
                var created: [String] = []
                for index in 2...Int(maximum) {
                    let response = try await client.send(.post, path, host: "acme.localhost", token: acme.token, json: body(index))
                    #expect(response.status == .created, "\(metric) \(index) of \(maximum)")
                    created.append(try response.json["id"]?.string ?? "")
                }
                let refused = try await client.send(.post, path, host: "acme.localhost", token: acme.token, json: body(0))
                #expect(refused.status == .forbidden)
                #expect(refused.problemCode == "limit_exceeded")
                #expect(try refused.json["limit"]?.string == metric.rawValue)
                #expect(try refused.number("used") == Double(maximum))
                #expect(try refused.number("maximum") == Double(maximum))
                #expect(try refused.json["tier"]?.string == tier.rawValue)
                #expect(try refused.json["upgradeTier"]?.string == TierCatalog.upgrade(from: tier, for: metric)?.rawValue)
                #expect(refused.headers[.retryAfter] == nil)
                // At 100% the warning header names the limit.
                #expect(refused.headers[.usageWarningField]?.contains("\(metric.rawValue);used=\(maximum);limit=\(maximum)") == true)
                // Deleting one frees its slot.
                #expect(try await client.send(.delete, "\(path)/\(created.last ?? "")", host: "acme.localhost", token: acme.token).status == .noContent)
                #expect(try await client.send(.post, path, host: "acme.localhost", token: acme.token, json: body(99)).status == .created)
                #expect(try await client.send(.post, path, host: "acme.localhost", token: acme.token, json: body(98)).problemCode == "limit_exceeded")
            }
            // The other organization's slots are its own.
            #expect(try await client.send(.post, "/api/projects", host: "globex.localhost", token: data.globex.token, json: #"{"name":"globex second"}"#).status == .created)
        }
    }

    /// Tasks per month: 429 with Retry-After until the month ends; the month's count is seeded near the maximum.
    @Test(arguments: TestBackend.allCases, tiers)
    func tasksPerMonthStopAtTheQuota(backend: TestBackend, tier: Tier) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: tier)
            let maximum = try #require(TierCatalog.plan(for: tier).limits[.tasksPerMonth])
            // The seed created one task; two more reach the maximum.
            try await components.recordUsage(.tasksPerMonth, maximum - 3, for: data.acme.organization)
            return data
        }) { client, _, data in
            let maximum = try #require(TierCatalog.plan(for: tier).limits[.tasksPerMonth])
            let first = try await client.send(.post, "/api/tasks", host: "acme.localhost", token: data.acme.token, json: #"{"title":"limit - 1"}"#)
            #expect(first.status == .created)
            let second = try await client.send(.post, "/api/tasks", host: "acme.localhost", token: data.acme.token, json: #"{"title":"limit"}"#)
            #expect(second.status == .created)
            let refused = try await client.send(.post, "/api/tasks", host: "acme.localhost", token: data.acme.token, json: #"{"title":"limit + 1"}"#)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.problemCode == "limit_exceeded")
            #expect(try refused.json["limit"]?.string == "tasksPerMonth")
            #expect(try refused.number("used") == Double(maximum))
            #expect(try refused.number("maximum") == Double(maximum))
            let retryAfter = try #require(refused.headers[.retryAfter].flatMap { Int($0) })
            let monthEnd = UsagePeriod(containing: Date()).end.timeIntervalSinceNow
            #expect(retryAfter > 0 && Double(retryAfter) <= monthEnd + 60)
            #expect(try refused.json["resetsAt"]?.string == UsagePeriod(containing: Date()).end.formatted(.iso8601))
            // Deleting a task does not give the month's quota back.
            #expect(try await client.send(.delete, "/api/tasks/\(data.acme.task.id)", host: "acme.localhost", token: data.acme.token).status == .noContent)
            #expect(try await client.send(.post, "/api/tasks", host: "acme.localhost", token: data.acme.token, json: #"{"title":"again"}"#).status == .tooManyRequests)
            #expect(try await client.send(.post, "/api/tasks", host: "globex.localhost", token: data.globex.token, json: #"{"title":"globex"}"#).status == .created)
        }
    }

    /// API calls per month: every authenticated tenant request counts; past the quota, 429 `limit_exceeded`.
    @Test(arguments: TestBackend.allCases, tiers)
    func apiCallsStopAtTheQuota(backend: TestBackend, tier: Tier) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: tier)
            let maximum = try #require(TierCatalog.plan(for: tier).limits[.apiCallsPerMonth])
            try await components.recordUsage(.apiCallsPerMonth, maximum - 2, for: data.acme.organization)
            return data
        }) { client, services, data in
            let maximum = try #require(TierCatalog.plan(for: tier).limits[.apiCallsPerMonth])
            let first = try await client.send(.get, "/api/projects", host: "acme.localhost", token: data.acme.token)
            #expect(first.status == .ok)
            #expect(first.headers[.usageWarningField]?.contains("apiCallsPerMonth;used=\(maximum - 1);limit=\(maximum)") == true)
            #expect(try await client.send(.get, "/api/projects", host: "acme.localhost", token: data.acme.token).status == .ok)
            let refused = try await client.send(.get, "/api/projects", host: "acme.localhost", token: data.acme.token)
            #expect(refused.status == .tooManyRequests)
            #expect(try refused.json["limit"]?.string == "apiCallsPerMonth")
            #expect(try refused.number("used") == Double(maximum))
            #expect(refused.headers[.retryAfter] != nil)
            // Unauthenticated requests are not counted against anyone; globex has its own quota.
            #expect(try await client.send(.get, "/api/projects", host: "globex.localhost", token: data.globex.token).status == .ok)
            // The count reaches the database at the next flush, without a write per request.
            await services.apiCalls.flush()
            let counters = try await services.store.usage.counters(in: TenantScope(data.acme.organization))
            let period = UsagePeriod(containing: Date()).key
            #expect(counters.first { $0.metric == .apiCallsPerMonth && $0.period == period }?.used == maximum)
        }
    }

    /// Members: invitations are accepted up to the seat limit, and the next acceptance is refused with nothing changed.
    @Test(arguments: TestBackend.allCases, tiers)
    func membersStopAtTheSeatLimit(backend: TestBackend, tier: Tier) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: tier)
            let maximum = try #require(TierCatalog.plan(for: tier).limits[.users])
            // The owner plus members up to two seats short of the maximum.
            for index in 0..<(maximum - 3) {
                _ = try await TwoTenants.member(components, of: nil, role: .member, email: "seat\(index)@acme.test")
            }
            for index in 0..<(maximum - 3) {
                let user = try #require(try await components.services.identities.find(email: "seat\(index)@acme.test"))
                _ = try await components.services.identities.addMember(user.id, to: data.acme.organization, role: .member)
            }
            var joiners: [String] = []
            for index in 0..<3 {
                joiners.append(try await TwoTenants.member(components, of: nil, role: .member, email: "joiner\(index)@acme.test").token)
            }
            return (data, joiners)
        }) { client, _, seeded in
            let (data, joiners) = seeded
            let maximum = try #require(TierCatalog.plan(for: tier).limits[.users])
            let invitations = "/api/organizations/\(data.acme.organization.id)/invitations"
            var tokens: [String] = []
            for index in 0..<3 {
                let invited = try await client.send(.post, invitations, token: data.acme.token, json: #"{"email":"joiner\#(index)@acme.test","role":"member"}"#)
                #expect(invited.status == .created)
                tokens.append(try invited.json["token"]?.string ?? "")
            }
            for index in 0..<2 {
                let accepted = try await client.send(.post, "/api/invitations/accept", token: joiners[index], json: #"{"token":"\#(tokens[index])"}"#)
                #expect(accepted.status == .created, "seat \(Int(maximum) - 2 + index) of \(maximum)")
            }
            let refused = try await client.send(.post, "/api/invitations/accept", token: joiners[2], json: #"{"token":"\#(tokens[2])"}"#)
            #expect(refused.status == .forbidden)
            #expect(refused.problemCode == "limit_exceeded")
            #expect(try refused.json["limit"]?.string == "users")
            #expect(try refused.number("used") == Double(maximum))
            // Nothing changed: the invitation is still pending and the person is not a member.
            let listed = try await client.send(.get, invitations, token: data.acme.token).json["invitations"]?.array ?? []
            #expect(listed.filter { $0["state"]?.string == "pending" }.count == 1)
            // A full organization refuses new invitations at once.
            let full = try await client.send(.post, invitations, token: data.acme.token, json: #"{"email":"late@acme.test","role":"viewer"}"#)
            #expect(full.status == .forbidden)
            #expect(full.problemCode == "limit_exceeded")
            let members = try await client.send(.get, "/api/organizations/\(data.acme.organization.id)/members?limit=100", token: data.acme.token)
            #expect(try members.json["members"]?.array.count == Int(maximum))
        }
    }

    /// Storage: task inputs and artifacts count; an artifact that would pass the limit is refused, smaller
    /// replacements and deletions give room back.
    @Test(arguments: TestBackend.allCases, tiers)
    func storageStopsAtItsMaximum(backend: TestBackend, tier: Tier) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: tier)
            let maximum = try #require(TierCatalog.plan(for: tier).limits[.storageBytes])
            let used = try await components.services.usage.report(for: data.acme.organization).line(.storageBytes)?.used ?? 0
            try await components.recordUsage(.storageBytes, maximum - used - 10, for: data.acme.organization)
            return data
        }) { client, services, data in
            let maximum = try #require(TierCatalog.plan(for: tier).limits[.storageBytes])
            let artifacts = "/api/tasks/\(data.acme.task.id)/artifacts"
            let nine = try await client.execute(uri: "\(artifacts)/a.txt", method: .put, headers: Self.acme(data.acme.token), body: .init(string: "123456789"))
            #expect(nine.status == .created)
            let exact = try await client.execute(uri: "\(artifacts)/b.txt", method: .put, headers: Self.acme(data.acme.token), body: .init(string: "x"))
            #expect(exact.status == .created)
            let over = try await client.execute(uri: "\(artifacts)/c.txt", method: .put, headers: Self.acme(data.acme.token), body: .init(string: "y"))
            #expect(over.status == .forbidden)
            #expect(over.problemCode == "limit_exceeded")
            #expect(try over.json["limit"]?.string == "storageBytes")
            #expect(try over.number("used") == Double(maximum))
            // A task whose input would pass the limit is refused too, and nothing is created.
            let bigTask = try await client.send(.post, "/api/tasks", host: "acme.localhost", token: data.acme.token, json: #"{"title":"big","input":{"k":"v"}}"#)
            #expect(bigTask.problemCode == "limit_exceeded")
            // Replacing with less content and deleting give room back.
            let smaller = try await client.execute(uri: "\(artifacts)/a.txt", method: .put, headers: Self.acme(data.acme.token), body: .init(string: "1"))
            #expect(smaller.status == .created)
            #expect(try await client.execute(uri: "\(artifacts)/c.txt", method: .put, headers: Self.acme(data.acme.token), body: .init(string: "12345678")).status == .created)
            let report = try await services.usage.report(for: data.acme.organization)
            #expect(report.line(.storageBytes)?.used == maximum)
            #expect(try await client.execute(uri: "\(artifacts)/c.txt", method: .delete, headers: Self.acme(data.acme.token)).status == .noContent)
            #expect(try await services.usage.report(for: data.acme.organization).line(.storageBytes)?.used == maximum - 8)
        }
    }

    /// Fifty concurrent creations with five slots left: exactly five succeed, on both backends.
    @Test(arguments: TestBackend.allCases)
    func concurrentCreationsNeverPassTheLimit(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: .enterprise)
            // One project and one task exist: six projects and six tasks this month leave five slots each.
            let organization = try await components.setOverrides(PlanOverrides(limits: [.projects: 6, .tasksPerMonth: 6]), of: data.acme.organization)
            return (data, organization)
        }) { client, services, seeded in
            let (data, organization) = seeded
            for (path, metric) in [("/api/projects", UsageMetric.projects), ("/api/tasks", .tasksPerMonth)] {
                let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                    for index in 0..<50 {
                        group.addTask {
                            let body = path == "/api/projects" ? #"{"name":"race \#(index)"}"# : #"{"title":"race \#(index)"}"#
                            return try await client.send(.post, path, host: "acme.localhost", token: data.acme.token, json: body).status
                        }
                    }
                    return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
                }
                #expect(statuses.filter { $0 == .created }.count == 5, "\(metric)")
                #expect(statuses.filter { $0 == .forbidden || $0 == .tooManyRequests }.count == 45, "\(metric)")
                #expect(try await services.usage.report(for: organization).line(metric)?.used == 6)
            }
            let listed = try await client.send(.get, "/api/projects?limit=100", host: "acme.localhost", token: data.acme.token)
            #expect(try listed.json["projects"]?.array.count == 6)
            let recount = try await services.store.usage.recount(in: TenantScope(organization))
            #expect(recount[.projects] == 6)
        }
    }

    /// A tier change applies to the very next request.
    @Test(arguments: TestBackend.allCases)
    func tierChangesTakeEffectImmediately(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: .free)
            let root = try await TwoTenants.member(components, of: nil, role: .owner, email: "root@platform.test", isSuperAdmin: true)
            return (data, root.token)
        }) { client, _, seeded in
            let (data, rootToken) = seeded
            let host = "acme.localhost"
            #expect(try await client.send(.post, "/api/projects", host: host, token: data.acme.token, json: #"{"name":"second"}"#).status == .created)
            #expect(try await client.send(.post, "/api/projects", host: host, token: data.acme.token, json: #"{"name":"third"}"#).problemCode == "limit_exceeded")
            let upgraded = try await client.send(.put, "/api/organizations/\(data.acme.organization.id)/tier", token: rootToken, json: #"{"tier":"starter"}"#)
            #expect(upgraded.status == .ok)
            #expect(try upgraded.json["plan"]?["limits"]?["projects"]?.number == 10)
            #expect(try await client.send(.post, "/api/projects", host: host, token: data.acme.token, json: #"{"name":"third"}"#).status == .created)
            // A downgrade below current usage refuses new projects and reports the violation.
            _ = try await client.send(.put, "/api/organizations/\(data.acme.organization.id)/tier", token: rootToken, json: #"{"tier":"free"}"#)
            #expect(try await client.send(.post, "/api/projects", host: host, token: data.acme.token, json: #"{"name":"fourth"}"#).problemCode == "limit_exceeded")
            let limits = try await client.send(.get, "/api/organizations/\(data.acme.organization.id)/limits", token: data.acme.token).json
            #expect(limits["withinLimits"] == .bool(false))
            #expect(limits["violations"]?.array.compactMap { $0["limit"]?.string } == ["projects"])
        }
    }
}
