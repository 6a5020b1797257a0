import CoordinaitorDomain
import Testing

/// Concurrent writes can reach a limit but never pass it: with 5 slots left (2 of 7 used), 50 concurrent creations
/// let exactly 5 through, the other 45 are refused at the maximum, and the counter equals the rows.
extension StorageContract {
    private static let attempts = 50
    private static let raceLimit: Int64 = 7

    static func concurrentProjectCreatesStopAtTheLimit(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let limits = ContractLimits.limited([.projects: Self.raceLimit])
        for index in 0..<2 { _ = try await store.projects.create(in: scope, ContractFixtures.project("seed-\(index)", in: acme), limits: limits) }

        let outcome = await race(Self.attempts) { index in
            _ = try await store.projects.create(in: scope, ContractFixtures.project("race-\(index)", in: acme), limits: limits)
        }

        outcome.expect(successes: 5, refusals: 45, maximum: Self.raceLimit, metric: .projects)
        #expect(try await store.projects.list(in: scope, filter: ProjectFilter(), page: PageRequest(limit: 100)).items.count == 7)
        #expect(try await store.used(.projects, in: scope) == 7)
        #expect(try await store.usage.recount(in: scope)[.projects] == 7)
    }

    static func concurrentAgentCreatesStopAtTheLimit(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let limits = ContractLimits.limited([.agents: Self.raceLimit])
        for index in 0..<2 { _ = try await store.agents.create(in: scope, ContractFixtures.agent("seed-\(index)", in: acme), limits: limits) }

        let outcome = await race(Self.attempts) { index in
            _ = try await store.agents.create(in: scope, ContractFixtures.agent("race-\(index)", in: acme), limits: limits)
        }

        outcome.expect(successes: 5, refusals: 45, maximum: Self.raceLimit, metric: .agents)
        #expect(try await store.agents.list(in: scope, filter: AgentFilter(), page: PageRequest(limit: 100)).items.count == 7)
        #expect(try await store.used(.agents, in: scope) == 7)
        #expect(try await store.usage.recount(in: scope)[.agents] == 7)
    }

    static func concurrentTaskCreatesStopAtTheLimit(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let limits = ContractLimits.limited([.tasksPerMonth: Self.raceLimit])
        for index in 0..<2 { _ = try await store.tasks.create(in: scope, ContractFixtures.task("seed-\(index)", in: acme), limits: limits) }

        let outcome = await race(Self.attempts) { index in
            _ = try await store.tasks.create(in: scope, ContractFixtures.task("race-\(index)", in: acme), limits: limits)
        }

        outcome.expect(successes: 5, refusals: 45, maximum: Self.raceLimit, metric: .tasksPerMonth)
        #expect(try await store.tasks.list(in: scope, filter: TaskFilter(), page: PageRequest(limit: 100)).items.count == 7)
        #expect(try await store.used(.tasksPerMonth, period: limits.period.key, in: scope) == 7)
    }

    static func concurrentMemberAddsStopAtTheLimit(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let scope = acme.scope
        let limits = ContractLimits.limited([.users: Self.raceLimit])
        // The owner and one member: 2 of 7 seats.
        let member = try await store.users.create(ContractFixtures.user("member@example.com"))
        _ = try await store.memberships.add(in: scope, ContractFixtures.membership(of: member, in: acme.organization), limits: limits)
        var users: [User] = []
        for index in 0..<Self.attempts {
            users.append(try await store.users.create(ContractFixtures.user("racer-\(index)@example.com", name: "Racer \(index)")))
        }
        let racers = users

        let outcome = await race(Self.attempts) { index in
            _ = try await store.memberships.add(in: scope, ContractFixtures.membership(of: racers[index], in: acme.organization), limits: limits)
        }

        outcome.expect(successes: 5, refusals: 45, maximum: Self.raceLimit, metric: .users)
        #expect(try await store.memberships.list(in: scope, page: PageRequest(limit: 100)).items.count == 7)
        #expect(try await store.used(.users, in: scope) == 7)
        #expect(try await store.usage.recount(in: scope)[.users] == 7)
    }
}
