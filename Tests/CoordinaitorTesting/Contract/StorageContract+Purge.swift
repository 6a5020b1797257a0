import CoordinaitorDomain
import Testing

extension StorageContract {
    /// Purging removes every row the organization owns, in every tenant-owned table, and nothing of anyone else's.
    static func purgeRemovesOnlyThatOrganization(_ store: any DataStore) async throws {
        var seeded: [OwnedOrganization] = []
        var tasks: [WorkTask] = []
        for slug in ["doomed", "survivor"] {
            let owned = try await OwnedOrganization.make(slug, in: store)
            let organization = owned.organization
            let project = try await store.projects.create(in: owned.scope, ContractFixtures.project("website", in: organization))
            let agent = try await store.agents.create(in: owned.scope, ContractFixtures.agent("reviewer", in: organization))
            let task = try await store.tasks.create(
                in: owned.scope, ContractFixtures.task("review", in: organization, status: .assigned, project: project, agent: agent))
            _ = try await store.artifacts.put(
                in: owned.scope, try ContractFixtures.artifact("log.txt", of: task, content: [1, 2]), content: [1, 2],
                limits: ContractLimits.unlimited)
            tasks.append(task)
            _ = try await store.apiKeys.create(in: owned.scope, ContractFixtures.apiKey("bot", in: organization, createdBy: owned.owner))
            _ = try await store.invitations.create(in: owned.scope, ContractFixtures.invitation("new@\(slug).example", to: organization, invitedBy: owned.owner))
            seeded.append(owned)
        }
        let (doomed, survivor) = (seeded[0], seeded[1])

        try await store.organizations.purge(doomed.organization.id)

        #expect(try await store.organizations.find(.id(doomed.organization.id)) == nil)
        for (owned, task) in zip(seeded, tasks) {
            let expected = owned.organization.id == doomed.organization.id ? 0 : 1
            let page = PageRequest(limit: 100)
            #expect(try await store.projects.list(in: owned.scope, filter: ProjectFilter(), page: page).items.count == expected)
            #expect(try await store.agents.list(in: owned.scope, filter: AgentFilter(), page: page).items.count == expected)
            #expect(try await store.tasks.list(in: owned.scope, filter: TaskFilter(), page: page).items.count == expected)
            #expect(try await store.apiKeys.list(in: owned.scope, page: page).items.count == expected)
            #expect(try await store.invitations.list(in: owned.scope, page: page).items.count == expected)
            #expect(try await store.memberships.list(in: owned.scope, page: page).items.count == expected)
            #expect(try await store.artifacts.list(in: owned.scope, taskID: task.id).count == expected)
            #expect(try await store.usage.counters(in: owned.scope).isEmpty == (expected == 0))
        }
        // Users are not tenant-owned: the owner's account stays, without that membership.
        #expect(try await store.users.find(id: doomed.owner.id) != nil)
        #expect(try await store.memberships.memberships(of: doomed.owner.id).isEmpty)
        #expect(try await store.organizations.find(.id(survivor.organization.id)) != nil)

        await expectResourceError(.notFound, "organization") {
            try await store.organizations.purge(doomed.organization.id)
        }
    }
}
