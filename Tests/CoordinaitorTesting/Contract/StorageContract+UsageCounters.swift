import CoordinaitorDomain
import Testing

/// What the usage port reads and adds: counters as stored, their recount from the rows, API calls, plan overrides.
extension StorageContract {
    /// After a mix of creations, updates and deletions, every capacity counter equals a recount of the rows.
    static func countersMatchRecount(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let (organization, scope) = (acme.organization, acme.scope)
        let limits = ContractLimits.limited([.users: 10, .projects: 10, .agents: 10, .storageBytes: 10_000, .tasksPerMonth: 100])

        var projects: [Project] = []
        for index in 0..<3 { projects.append(try await store.projects.create(in: scope, ContractFixtures.project("p\(index)", in: organization), limits: limits)) }
        try await store.projects.delete(in: scope, id: projects[1].id, limits: limits)
        let agent = try await store.agents.create(in: scope, ContractFixtures.agent("a0", in: organization), limits: limits)
        let spare = try await store.agents.create(in: scope, ContractFixtures.agent("a1", in: organization), limits: limits)
        try await store.agents.delete(in: scope, id: spare.id, limits: limits)

        let bob = try await store.users.create(ContractFixtures.user("bob@example.com"))
        let carol = try await store.users.create(ContractFixtures.user("carol@example.com"))
        let dave = try await store.users.create(ContractFixtures.user("dave@example.com"))
        _ = try await store.memberships.add(in: scope, ContractFixtures.membership(of: bob, in: organization), limits: limits)
        _ = try await store.memberships.add(in: scope, ContractFixtures.membership(of: carol, in: organization), limits: limits)
        try await store.memberships.remove(in: scope, userID: bob.id, limits: limits)
        let invitation = try await store.invitations.create(in: scope, ContractFixtures.invitation("dave@example.com", to: organization, invitedBy: acme.owner))
        _ = try await store.invitations.accept(invitation.id, by: dave.id, at: TestDates.at(500), limits: limits)

        var kept = ContractFixtures.task("kept", in: organization, inputCharacters: 40)
        kept.projectID = projects[0].id
        kept = try await store.tasks.create(in: scope, kept, limits: limits)
        let dropped = try await store.tasks.create(in: scope, ContractFixtures.task("dropped", in: organization, inputCharacters: 70), limits: limits)
        _ = try await store.tasks.update(in: scope, id: kept.id, limits: limits) { task in
            var task = task
            task.output = .object(["result": .string("done"), "score": .number(0.5)])
            task.assignedAgentID = agent.id
            task.status = .running
            return task
        }
        for (task, name, size) in [(kept, "kept.log", 64), (dropped, "dropped.log", 32), (kept, "kept.bin", 0)] {
            let content = [UInt8](repeating: 3, count: size)
            _ = try await store.artifacts.put(in: scope, try ContractFixtures.artifact(name, of: task, content: content), content: content, limits: limits)
        }
        let resized = [UInt8](repeating: 4, count: 16)
        _ = try await store.artifacts.put(in: scope, try ContractFixtures.artifact("kept.log", of: kept, content: resized), content: resized, limits: limits)
        try await store.tasks.delete(in: scope, id: dropped.id, limits: limits)

        let recount = try await store.usage.recount(in: scope)
        #expect(try await store.currentCapacities(in: scope) == recount)
        let stored = try #require(try await store.tasks.find(in: scope, id: kept.id))
        #expect(recount == [.users: 3, .projects: 2, .agents: 1, .webhooks: 0, .storageBytes: stored.storageBytes + 16])
        #expect(try await store.used(.tasksPerMonth, period: limits.period.key, in: scope) == 2)
        // The update moved the task into `running` with an agent: one agent execution.
        #expect(try await store.used(.agentExecutionsPerMonth, period: limits.period.key, in: scope) == 1)
    }

    /// Drift (here: counters charged with no rows behind them) is repaired by `reconcile`, month snapshot included.
    static func reconcileRepairsDrift(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let scope = acme.scope
        let limits = ContractLimits.limited([.projects: 10])
        _ = try await store.projects.create(in: scope, ContractFixtures.project("kept", in: acme.organization), limits: limits)
        try await store.usage.charge(in: scope, [UsageCharge(.projects, 4), UsageCharge(.storageBytes, 99)], limits: limits)
        #expect(try await store.currentCapacities(in: scope)[.projects] == 5)
        let written = try await store.usage.reconcile(in: scope, period: limits.period)
        #expect(written == [.users: 1, .projects: 1, .agents: 0, .webhooks: 0, .storageBytes: 0])
        #expect(try await store.currentCapacities(in: scope) == written)
        #expect(try await store.used(.projects, period: limits.period.key, in: scope) == 1)
        // The organization has its slots back.
        for index in 0..<9 {
            _ = try await store.projects.create(in: scope, ContractFixtures.project("more \(index)", in: acme.organization), limits: limits)
        }
    }

    /// Each change of a capacity also writes that month's row, so past months keep the value they ended with.
    static func countersKeepMonthSnapshots(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let january = try #require(UsagePeriod(year: 2026, month: 1))
        let february = january.next
        let inJanuary = ContractLimits.limited([:], in: january)
        let inFebruary = ContractLimits.limited([:], in: february)

        var projects: [Project] = []
        for index in 0..<3 { projects.append(try await store.projects.create(in: scope, ContractFixtures.project("p\(index)", in: acme), limits: inJanuary)) }
        _ = try await store.tasks.create(in: scope, ContractFixtures.task("t", in: acme), limits: inJanuary)
        #expect(Set(try await store.usage.counters(in: scope)) == [
            UsageCounter(metric: .projects, period: UsageCounterPeriod.current, used: 3),
            UsageCounter(metric: .projects, period: january.key, used: 3),
            UsageCounter(metric: .tasksPerMonth, period: january.key, used: 1),
        ])

        try await store.projects.delete(in: scope, id: projects[0].id, limits: inFebruary)
        let counters = try await store.usage.counters(in: scope)
        #expect(Set(counters) == [
            UsageCounter(metric: .projects, period: UsageCounterPeriod.current, used: 2),
            UsageCounter(metric: .projects, period: january.key, used: 3),
            UsageCounter(metric: .projects, period: february.key, used: 2),
            UsageCounter(metric: .tasksPerMonth, period: january.key, used: 1),
        ])
        let januaryFigures = UsageCounters.figures(of: counters, for: january, current: february)
        #expect(januaryFigures[.projects] == 3)
        #expect(januaryFigures[.tasksPerMonth] == 1)
        #expect(UsageCounters.figures(of: counters, for: february, current: february)[.tasksPerMonth] == 0)
    }

    /// API calls counted in memory are added for several organizations at once; unknown organizations are skipped.
    static func apiCallsAreAddedForSeveralOrganizations(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let globex = try await store.organizations.create(ContractFixtures.organization("globex"))
        let unknown: OrganizationID = TestIDs.next()
        let period = ContractLimits.period

        #expect(try await store.usage.addAPICalls([acme.id: 5, globex.id: 7, unknown: 3], period: period) == [acme.id: 5, globex.id: 7])
        #expect(try await store.usage.addAPICalls([acme.id: 2], period: period) == [acme.id: 7])
        #expect(try await store.usage.addAPICalls([acme.id: 1], period: period.next) == [acme.id: 1])
        #expect(try await store.usage.addAPICalls([:], period: period).isEmpty)
        #expect(try await store.usage.addAPICalls([unknown: 4], period: period).isEmpty)

        #expect(Set(try await store.usage.counters(in: TenantScope(acme))) == [
            UsageCounter(metric: .apiCallsPerMonth, period: period.key, used: 7),
            UsageCounter(metric: .apiCallsPerMonth, period: period.next.key, used: 1),
        ])
        #expect(try await store.usage.counters(in: TenantScope(globex)) == [UsageCounter(metric: .apiCallsPerMonth, period: period.key, used: 7)])
        #expect(try await store.usage.counters(in: TenantScope(organizationID: unknown)).isEmpty)
    }

    /// Plan overrides are stored with the organization, `null` limits (unlimited) included.
    static func planOverridesRoundTrip(_ store: any DataStore) async throws {
        let overrides = PlanOverrides(
            limits: [.projects: 50, .agents: nil, .storageBytes: 0],
            features: [.sso: true, .webhooks: false],
            rateLimit: RateLimitPolicy(requestsPerHour: 5_000, burst: 100)
        )
        var acme = ContractFixtures.organization("acme")
        acme.planOverrides = overrides
        _ = try await store.organizations.create(acme)
        let plain = try await store.organizations.create(ContractFixtures.organization("globex"))

        #expect(try await store.organizations.find(.id(acme.id)) == acme)
        #expect(try await store.organizations.find(.slug("acme"))?.planOverrides == overrides)
        #expect(try await store.organizations.find(.id(acme.id))?.planOverrides.limits[.agents] == .some(nil))
        #expect(try await store.organizations.find(.id(plain.id))?.planOverrides == PlanOverrides())
        let listed = try await store.organizations.list(filter: OrganizationFilter(), page: PageRequest(limit: 100)).items
        #expect(listed.first { $0.id == acme.id }?.planOverrides == overrides)
        #expect(listed.first { $0.id == plain.id }?.planOverrides.isEmpty == true)

        acme.planOverrides = PlanOverrides(limits: [.tasksPerMonth: 1_000_000], features: [.customFeatures: true])
        _ = try await store.organizations.update(acme)
        #expect(try await store.organizations.find(.id(acme.id)) == acme)
        acme.planOverrides = PlanOverrides()
        _ = try await store.organizations.update(acme)
        #expect(try await store.organizations.find(.id(acme.id))?.planOverrides.isEmpty == true)
    }
}
