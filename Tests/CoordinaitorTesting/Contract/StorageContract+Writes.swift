import CoordinaitorDomain
import Testing

extension StorageContract {
    static func updateAppliesChange(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let acme = tenants.acme

        let project = try await store.projects.update(in: acme.scope, id: acme.project.id) { project in
            var changed = project
            changed.description = nil
            changed.status = .completed
            changed.updatedAt = TestDates.at(100)
            return changed
        }
        #expect(project.description == nil && project.status == .completed)
        #expect(try await store.projects.find(in: acme.scope, id: project.id) == project)

        let agent = try await store.agents.update(in: acme.scope, id: acme.agent.id) { agent in
            var changed = agent
            changed.capabilities = []
            changed.maxConcurrentTasks = 7
            changed.provider = .mistral
            return changed
        }
        #expect(try await store.agents.find(in: acme.scope, id: agent.id) == agent)

        let other = try await store.agents.create(in: acme.scope, ContractFixtures.agent("other", in: acme.organization))
        let task = try await store.tasks.update(in: acme.scope, id: acme.task.id) { task in
            var changed = task
            changed.status = .running
            changed.assignedAgentID = other.id
            changed.projectID = nil
            changed.startedAt = TestDates.at(200)
            changed.output = .object(["progress": .number(0.5)])
            return changed
        }
        #expect(try await store.tasks.find(in: acme.scope, id: task.id) == task)

        // Concurrent increments through `update` lose nothing: read–modify–write is one transaction.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    _ = try await store.agents.update(in: acme.scope, id: agent.id) { agent in
                        var changed = agent
                        changed.maxConcurrentTasks += 1
                        return changed
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.agents.find(in: acme.scope, id: agent.id)?.maxConcurrentTasks == 17)
    }

    static func failingUpdateWritesNothing(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let acme = tenants.acme
        await #expect(throws: RejectedChange()) {
            _ = try await store.tasks.update(in: acme.scope, id: acme.task.id) { _ in throw RejectedChange() }
        }
        await #expect(throws: RejectedChange()) {
            _ = try await store.projects.update(in: acme.scope, id: acme.project.id) { _ in throw RejectedChange() }
        }
        await #expect(throws: RejectedChange()) {
            _ = try await store.agents.update(in: acme.scope, id: acme.agent.id) { _ in throw RejectedChange() }
        }
        #expect(try await store.tasks.find(in: acme.scope, id: acme.task.id) == acme.task)
        #expect(try await store.projects.find(in: acme.scope, id: acme.project.id) == acme.project)
        #expect(try await store.agents.find(in: acme.scope, id: acme.agent.id) == acme.agent)
        // The store still works after the rollback.
        _ = try await store.projects.create(in: acme.scope, ContractFixtures.project("after-rollback", in: acme.organization))
    }

    static func projectDeleteUnlinksTasks(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let (acme, globex) = (tenants.acme, tenants.globex)
        let second = try await store.tasks.create(in: acme.scope, ContractFixtures.task("second", in: acme.organization, project: acme.project))

        try await store.projects.delete(in: acme.scope, id: acme.project.id)
        #expect(try await store.projects.find(in: acme.scope, id: acme.project.id) == nil)
        for task in [acme.task, second] {
            let stored = try #require(try await store.tasks.find(in: acme.scope, id: task.id))
            #expect(stored.projectID == nil)
            #expect(stored.title == task.title)
        }
        // The other organization's same-named project and its task are untouched.
        #expect(try await store.tasks.find(in: globex.scope, id: globex.task.id) == globex.task)
        await expectResourceError(.notFound, "project") {
            try await store.projects.delete(in: acme.scope, id: acme.project.id)
        }
    }

    static func agentDeleteUnassignsTasks(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let (acme, globex) = (tenants.acme, tenants.globex)
        let running = try await store.tasks.create(in: acme.scope, ContractFixtures.task("running", in: acme.organization, status: .pending, agent: acme.agent))
        _ = try await store.tasks.update(in: acme.scope, id: running.id) { task in
            var changed = task
            changed.status = .running
            return changed
        }

        try await store.agents.delete(in: acme.scope, id: acme.agent.id)
        #expect(try await store.agents.find(in: acme.scope, id: acme.agent.id) == nil)
        let assigned = try #require(try await store.tasks.find(in: acme.scope, id: acme.task.id))
        #expect(assigned.assignedAgentID == nil)
        #expect(assigned.status == .pending)
        let wasRunning = try #require(try await store.tasks.find(in: acme.scope, id: running.id))
        #expect(wasRunning.assignedAgentID == nil)
        #expect(wasRunning.status == .running)
        #expect(try await store.tasks.find(in: globex.scope, id: globex.task.id) == globex.task)
        await expectResourceError(.notFound, "agent") {
            try await store.agents.delete(in: acme.scope, id: acme.agent.id)
        }
        try await store.tasks.delete(in: acme.scope, id: running.id)
        #expect(try await store.tasks.find(in: acme.scope, id: running.id) == nil)
    }

    static func taskJSONAndDatesRoundTrip(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let acme = tenants.acme
        var task = ContractFixtures.task("json", in: acme.organization)
        task.description = "Quotes \" and 'apostrophes' and unicode: 日本語 🚀"
        task.input = .object([
            "text": .string("line\nbreak \"quoted\" 🚀"),
            "numbers": .array([.number(0), .number(-1.5), .number(1e-7), .number(123_456_789.125)]),
            "flags": .array([.bool(true), .bool(false), .null]),
            "nested": .object(["empty": .object([:]), "list": .array([])]),
        ])
        task.output = .null
        task.createdAt = TestDates.at(1)
        task.updatedAt = TestDates.at(999)
        task.startedAt = TestDates.at(-1_000_000_007)
        task.completedAt = TestDates.at(86_400_000 * 365 + 7)
        let created = try await store.tasks.create(in: acme.scope, task)
        let found = try #require(try await store.tasks.find(in: acme.scope, id: created.id))
        #expect(found.description == task.description)
        #expect(found.input == task.input)
        #expect(found.output == task.output)
        #expect(found.createdAt == task.createdAt)
        #expect(found.updatedAt == task.updatedAt)
        #expect(found.startedAt == task.startedAt)
        #expect(found.completedAt == task.completedAt)
        #expect(found == task)

        // Dates on both sides of PostgreSQL's 2000 epoch and of 1970.
        for milliseconds: Int64 in [-1_764_000_000_123 - 1, -1_000_000_000_001, 0, 1] {
            let date = TestDates.at(milliseconds)
            let updated = try await store.tasks.update(in: acme.scope, id: task.id) { task in
                var changed = task
                changed.completedAt = date
                return changed
            }
            #expect(try await store.tasks.find(in: acme.scope, id: task.id)?.completedAt == date)
            #expect(updated.completedAt == date)
        }
        let listed = try await store.tasks.list(in: acme.scope, filter: TaskFilter(type: WorkTask.defaultType), page: .init())
        #expect(listed.items.first { $0.id == task.id }?.input == task.input)
    }

    static func scopeMismatchIsRejected(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let (acme, globex) = (tenants.acme, tenants.globex)
        await #expect(throws: ScopeMismatchError.self) {
            _ = try await store.projects.create(in: globex.scope, ContractFixtures.project("intruder", in: acme.organization))
        }
        await #expect(throws: ScopeMismatchError.self) {
            _ = try await store.agents.create(in: globex.scope, ContractFixtures.agent("intruder", in: acme.organization))
        }
        await #expect(throws: ScopeMismatchError.self) {
            _ = try await store.tasks.create(in: globex.scope, ContractFixtures.task("intruder", in: acme.organization))
        }
        await #expect(throws: ScopeMismatchError.self) {
            _ = try await store.tasks.update(in: globex.scope, id: globex.task.id) { task in
                var moved = task
                moved.organizationID = acme.organization.id
                return moved
            }
        }
        #expect(try await store.tasks.find(in: globex.scope, id: globex.task.id) == globex.task)
        #expect(try await store.projects.list(in: acme.scope, filter: .init(), page: .init()).items == [acme.project])
    }
}
