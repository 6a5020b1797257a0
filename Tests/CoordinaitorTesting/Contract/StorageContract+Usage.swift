import CoordinaitorDomain
import Testing

/// Limits are exact: with a maximum of M, the M-th write succeeds and the next is refused with the counter at M, and
/// nothing of the refused write is stored.
extension StorageContract {
    static func projectAndAgentLimitsAreExact(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let limits = ContractLimits.limited([.projects: 3, .agents: 2])
        let page = PageRequest(limit: 100)

        var projects: [Project] = []
        for index in 0..<3 {
            projects.append(try await store.projects.create(in: scope, ContractFixtures.project("p\(index)", in: acme), limits: limits))
        }
        await expectLimitReached(.projects, used: 3, maximum: 3, requested: 1) {
            _ = try await store.projects.create(in: scope, ContractFixtures.project("p3", in: acme), limits: limits)
        }
        #expect(try await store.projects.list(in: scope, filter: ProjectFilter(), page: page).items.count == 3)
        #expect(try await store.used(.projects, in: scope) == 3)

        for index in 0..<2 { _ = try await store.agents.create(in: scope, ContractFixtures.agent("a\(index)", in: acme), limits: limits) }
        await expectLimitReached(.agents, used: 2, maximum: 2, requested: 1) {
            _ = try await store.agents.create(in: scope, ContractFixtures.agent("a2", in: acme), limits: limits)
        }
        let agents = try await store.agents.list(in: scope, filter: AgentFilter(), page: page).items
        #expect(agents.count == 2)
        #expect(try await store.used(.agents, in: scope) == 2)

        // Deleting frees a slot; deleting nothing frees nothing.
        try await store.projects.delete(in: scope, id: projects[0].id, limits: limits)
        try await store.agents.delete(in: scope, id: agents[0].id, limits: limits)
        #expect(try await store.used(.projects, in: scope) == 2)
        #expect(try await store.used(.agents, in: scope) == 1)
        await expectResourceError(.notFound, "project") { try await store.projects.delete(in: scope, id: projects[0].id, limits: limits) }
        await expectResourceError(.notFound, "agent") { try await store.agents.delete(in: scope, id: agents[0].id, limits: limits) }
        #expect(try await store.used(.projects, in: scope) == 2)
        #expect(try await store.used(.agents, in: scope) == 1)
        _ = try await store.projects.create(in: scope, ContractFixtures.project("p3", in: acme), limits: limits)
        _ = try await store.agents.create(in: scope, ContractFixtures.agent("a2", in: acme), limits: limits)
        #expect(try await store.used(.projects, in: scope) == 3)
        #expect(try await store.used(.agents, in: scope) == 2)

        // A maximum of zero refuses the first one.
        let globex = try await store.organizations.create(ContractFixtures.organization("globex"))
        await expectLimitReached(.projects, used: 0, maximum: 0, requested: 1) {
            _ = try await store.projects.create(
                in: TenantScope(globex), ContractFixtures.project("p0", in: globex), limits: ContractLimits.limited([.projects: 0]))
        }
        #expect(try await store.projects.list(in: TenantScope(globex), filter: ProjectFilter(), page: page).items.isEmpty)
    }

    /// The task quota counts creations per month: deleting a task does not give one back, and a new month starts at 0.
    static func monthlyTaskQuotaIsExactAndStartsAgain(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let january = try #require(UsagePeriod(year: 2026, month: 1))
        let february = january.next
        let inJanuary = ContractLimits.limited([.tasksPerMonth: 3], in: january)
        let inFebruary = ContractLimits.limited([.tasksPerMonth: 3], in: february)

        var tasks: [WorkTask] = []
        for index in 0..<3 { tasks.append(try await store.tasks.create(in: scope, ContractFixtures.task("t\(index)", in: acme), limits: inJanuary)) }
        let refused = ContractFixtures.task("refused", in: acme)
        await expectLimitReached(.tasksPerMonth, used: 3, maximum: 3, requested: 1) {
            _ = try await store.tasks.create(in: scope, refused, limits: inJanuary)
        }
        #expect(try await store.tasks.find(in: scope, id: refused.id) == nil)

        try await store.tasks.delete(in: scope, id: tasks[0].id, limits: inJanuary)
        await expectLimitReached(.tasksPerMonth, used: 3, maximum: 3, requested: 1) {
            _ = try await store.tasks.create(in: scope, ContractFixtures.task("still refused", in: acme), limits: inJanuary)
        }

        // January's tasks do not count against February.
        for index in 0..<3 { _ = try await store.tasks.create(in: scope, ContractFixtures.task("f\(index)", in: acme), limits: inFebruary) }
        await expectLimitReached(.tasksPerMonth, used: 3, maximum: 3, requested: 1) {
            _ = try await store.tasks.create(in: scope, ContractFixtures.task("f3", in: acme), limits: inFebruary)
        }
        #expect(try await store.used(.tasksPerMonth, period: january.key, in: scope) == 3)
        #expect(try await store.used(.tasksPerMonth, period: february.key, in: scope) == 3)
        #expect(try await store.tasks.list(in: scope, filter: TaskFilter(), page: PageRequest(limit: 100)).items.count == 5)
        // Monthly quotas have no `current` row.
        #expect(try await store.usage.counters(in: scope).allSatisfy { $0.metric != .tasksPerMonth || $0.period != UsageCounterPeriod.current })
    }

    /// Seats count the owner, members added directly and members who accept an invitation.
    static func memberLimitsAreExact(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let scope = acme.scope
        #expect(try await store.used(.users, in: scope) == 1)
        let limits = ContractLimits.limited([.users: 3])
        var users: [User] = []
        for name in ["bob", "carol", "dave"] {
            users.append(try await store.users.create(ContractFixtures.user("\(name)@example.com", name: name)))
        }
        let (bob, carol, dave) = (users[0], users[1], users[2])

        _ = try await store.memberships.add(in: scope, ContractFixtures.membership(of: bob, in: acme.organization), limits: limits)
        _ = try await store.memberships.add(in: scope, ContractFixtures.membership(of: carol, in: acme.organization), limits: limits)
        await expectLimitReached(.users, used: 3, maximum: 3, requested: 1) {
            _ = try await store.memberships.add(in: scope, ContractFixtures.membership(of: dave, in: acme.organization), limits: limits)
        }
        #expect(try await store.memberships.find(in: scope, userID: dave.id) == nil)
        // An existing member is a conflict, even with no seat left.
        await expectResourceError(.conflict, "membership", field: "userId") {
            _ = try await store.memberships.add(in: scope, ContractFixtures.membership(of: carol, in: acme.organization), limits: limits)
        }

        let invitation = try await store.invitations.create(
            in: scope, ContractFixtures.invitation("dave@example.com", to: acme.organization, invitedBy: acme.owner))
        await expectLimitReached(.users, used: 3, maximum: 3, requested: 1) {
            _ = try await store.invitations.accept(invitation.id, by: dave.id, at: TestDates.at(500), limits: limits)
        }
        // Refused: the invitation is still pending and nobody joined.
        #expect(try await store.invitations.find(tokenHash: invitation.tokenHash) == invitation)
        #expect(try await store.memberships.list(in: scope, page: PageRequest(limit: 100)).items.count == 3)
        #expect(try await store.used(.users, in: scope) == 3)

        // Removing a member frees the seat the invitation needs.
        try await store.memberships.remove(in: scope, userID: bob.id, limits: limits)
        #expect(try await store.used(.users, in: scope) == 2)
        let joined = try await store.invitations.accept(invitation.id, by: dave.id, at: TestDates.at(600), limits: limits)
        #expect(joined.userID == dave.id)
        #expect(try await store.used(.users, in: scope) == 3)
        #expect(try await store.memberships.list(in: scope, page: PageRequest(limit: 100)).items.count == 3)
    }

    /// Storage counts task input and output and artifact content; growth past the limit is refused, shrinking never.
    static func storageLimitsAreExact(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let big = ContractFixtures.task("big", in: acme, inputCharacters: 98)
        let bytes = big.storageBytes
        #expect(bytes == 100)
        let maximum = bytes + 10
        let limits = ContractLimits.limited([.storageBytes: maximum])

        _ = try await store.tasks.create(in: scope, big, limits: limits)
        #expect(try await store.used(.storageBytes, in: scope) == bytes)
        let tooBig = ContractFixtures.task("too big", in: acme, inputCharacters: 10)
        await expectLimitReached(.storageBytes, used: bytes, maximum: maximum, requested: 12) {
            _ = try await store.tasks.create(in: scope, tooBig, limits: limits)
        }
        #expect(try await store.tasks.find(in: scope, id: tooBig.id) == nil)
        // A task without input or output takes no storage.
        let empty = try await store.tasks.create(in: scope, ContractFixtures.task("empty", in: acme), limits: limits)

        // Artifacts: 10 bytes fit exactly, one more does not.
        _ = try await store.artifacts.put(
            in: scope, try ContractFixtures.artifact("log.txt", of: big, content: Array(repeating: 1, count: 10)),
            content: Array(repeating: 1, count: 10), limits: limits)
        #expect(try await store.used(.storageBytes, in: scope) == maximum)
        let more = try ContractFixtures.artifact("more.txt", of: big, content: [7])
        await expectLimitReached(.storageBytes, used: maximum, maximum: maximum, requested: 1) {
            _ = try await store.artifacts.put(in: scope, more, content: [7], limits: limits)
        }
        #expect(try await store.artifacts.find(in: scope, taskID: big.id, name: more.name) == nil)

        // Replacing charges the difference.
        _ = try await store.artifacts.put(
            in: scope, try ContractFixtures.artifact("log.txt", of: big, content: [1, 2, 3, 4]), content: [1, 2, 3, 4], limits: limits)
        #expect(try await store.used(.storageBytes, in: scope) == bytes + 4)
        _ = try await store.artifacts.put(
            in: scope, try ContractFixtures.artifact("more.txt", of: big, content: Array(repeating: 2, count: 6)),
            content: Array(repeating: 2, count: 6), limits: limits)
        #expect(try await store.used(.storageBytes, in: scope) == maximum)

        // An update that grows a task past the limit writes nothing.
        await expectLimitReached(.storageBytes, used: maximum, maximum: maximum, requested: 3) {
            _ = try await store.tasks.update(in: scope, id: empty.id, limits: limits) { task in
                var task = task
                task.output = .string("z")
                return task
            }
        }
        #expect(try await store.tasks.find(in: scope, id: empty.id) == empty)

        // Shrinking is never refused, even at the limit.
        _ = try await store.tasks.update(in: scope, id: big.id, limits: limits) { task in
            var task = task
            task.input = nil
            return task
        }
        #expect(try await store.used(.storageBytes, in: scope) == 10)
        #expect(try await store.usage.recount(in: scope)[.storageBytes] == 10)
    }

    /// Deleting a task releases its storage and its artifacts' storage, but not the month's task count.
    static func deletesReleaseStorageButNotTheTaskCount(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let limits = ContractLimits.limited([.tasksPerMonth: 10, .storageBytes: 1_000])
        let first = try await store.tasks.create(in: scope, ContractFixtures.task("first", in: acme, inputCharacters: 98), limits: limits)
        for (name, size) in [("a.txt", 30), ("b.txt", 20)] {
            let content = [UInt8](repeating: 9, count: size)
            _ = try await store.artifacts.put(in: scope, try ContractFixtures.artifact(name, of: first, content: content), content: content, limits: limits)
        }
        #expect(try await store.used(.storageBytes, in: scope) == 150)

        let b = try ArtifactName("b.txt")
        try await store.artifacts.delete(in: scope, taskID: first.id, name: b, limits: limits)
        #expect(try await store.used(.storageBytes, in: scope) == 130)
        await expectResourceError(.notFound, "artifact") { try await store.artifacts.delete(in: scope, taskID: first.id, name: b, limits: limits) }
        #expect(try await store.used(.storageBytes, in: scope) == 130)

        let second = try await store.tasks.create(in: scope, ContractFixtures.task("second", in: acme, inputCharacters: 48), limits: limits)
        #expect(try await store.used(.storageBytes, in: scope) == 180)

        try await store.tasks.delete(in: scope, id: first.id, limits: limits)
        #expect(try await store.used(.storageBytes, in: scope) == 50)
        #expect(try await store.artifacts.list(in: scope, taskID: first.id).isEmpty)
        #expect(try await store.used(.tasksPerMonth, period: ContractLimits.period.key, in: scope) == 2)
        await expectResourceError(.notFound, "task") { try await store.tasks.delete(in: scope, id: first.id, limits: limits) }
        #expect(try await store.used(.storageBytes, in: scope) == 50)
        #expect(try await store.usage.recount(in: scope)[.storageBytes] == 50)
        #expect(try await store.tasks.find(in: scope, id: second.id) == second)
    }
}
