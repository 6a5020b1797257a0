import CoordinaitorDomain
import Testing

/// The bulk path for tasks (imports, benchmark seeding): all or nothing, limits checked on the batch's sum.
extension StorageContract {
    static func bulkTaskCreateIsAllOrNothing(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let globex = try await OwnedOrganization.make("globex", in: store)
        let (organization, scope) = (acme.organization, acme.scope)
        let limits = ContractLimits.limited([.projects: 5, .tasksPerMonth: 10, .storageBytes: 10_000])
        let project = try await store.projects.create(in: scope, ContractFixtures.project("p", in: organization), limits: limits)

        var batch = (0..<4).map { ContractFixtures.task("bulk \($0)", in: organization, inputCharacters: 10) }
        batch[0].projectID = project.id
        batch[1].projectID = project.id
        try await store.tasks.create(in: scope, batch, limits: limits)
        let listed = try await store.tasks.list(in: scope, filter: TaskFilter(), page: PageRequest(limit: 100)).items
        #expect(Set(listed.map(\.id)) == Set(batch.map(\.id)))
        #expect(try await store.used(.tasksPerMonth, period: limits.period.key, in: scope) == 4)
        #expect(try await store.currentCapacities(in: scope)[.storageBytes] == batch.reduce(0) { $0 + $1.storageBytes })
        #expect(try await store.currentCapacities(in: scope) == (try await store.usage.recount(in: scope)))

        // Seven more would make eleven: the whole batch is refused and nothing of it is written.
        let tooMany = (0..<7).map { ContractFixtures.task("over \($0)", in: organization) }
        await expectLimitReached(.tasksPerMonth, used: 4, maximum: 10, requested: 7) {
            try await store.tasks.create(in: scope, tooMany, limits: limits)
        }
        // One task naming another organization's project sinks its batch.
        let foreignProject = try await store.projects.create(
            in: globex.scope, ContractFixtures.project("theirs", in: globex.organization), limits: limits)
        var poisoned = (0..<3).map { ContractFixtures.task("poisoned \($0)", in: organization) }
        poisoned[2].projectID = foreignProject.id
        await #expect(throws: ResourceError.self) { try await store.tasks.create(in: scope, poisoned, limits: limits) }
        // A task of another organization in the batch is a programming error, refused before any write.
        let mixed = [ContractFixtures.task("mine", in: organization), ContractFixtures.task("theirs", in: globex.organization)]
        await #expect(throws: ScopeMismatchError.self) { try await store.tasks.create(in: scope, mixed, limits: limits) }

        let after = try await store.tasks.list(in: scope, filter: TaskFilter(), page: PageRequest(limit: 100)).items
        #expect(after.count == 4)
        #expect(try await store.used(.tasksPerMonth, period: limits.period.key, in: scope) == 4)
        #expect(try await store.tasks.list(in: globex.scope, filter: TaskFilter(), page: PageRequest(limit: 100)).items.isEmpty)
    }
}
