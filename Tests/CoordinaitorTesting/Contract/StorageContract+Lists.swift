import CoordinaitorDomain
import Testing

extension StorageContract {
    static func projectListPaginatesAndFilters(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let acme = tenants.acme
        var projects = [acme.project]
        for index in 0..<9 {
            let status: ProjectStatus = index.isMultiple(of: 2) ? .paused : .active
            projects.append(try await store.projects.create(in: acme.scope, ContractFixtures.project("project-\(index)", in: acme.organization, status: status)))
        }
        let newestFirst = projects.sorted { $0.id > $1.id }

        for limit in [1, 3, 4, 10, 100] {
            let listed = try await collectPages(limit: limit) { try await store.projects.list(in: acme.scope, filter: .init(), page: $0) }
            #expect(listed == newestFirst, "limit \(limit)")
        }
        let paused = try await collectPages(limit: 2) {
            try await store.projects.list(in: acme.scope, filter: ProjectFilter(status: .paused), page: $0)
        }
        #expect(paused == newestFirst.filter { $0.status == .paused })
        #expect(try await store.projects.list(in: acme.scope, filter: ProjectFilter(status: .archived), page: .init()).items.isEmpty)
    }

    static func agentListPaginatesAndFilters(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let acme = tenants.acme
        var agents = [acme.agent]
        let providers: [AgentProvider] = [.gpt, .gemini, .claude]
        let statuses: [AgentStatus] = [.busy, .offline]
        for index in 0..<8 {
            let agent = ContractFixtures.agent(
                "agent-\(index)",
                in: acme.organization,
                provider: providers[index % providers.count],
                status: statuses[index % statuses.count]
            )
            agents.append(try await store.agents.create(in: acme.scope, agent))
        }
        let newestFirst = agents.sorted { $0.id > $1.id }

        #expect(try await collectPages(limit: 3) { try await store.agents.list(in: acme.scope, filter: .init(), page: $0) } == newestFirst)
        for filter in [
            AgentFilter(status: .busy), AgentFilter(provider: .claude), AgentFilter(status: .offline, provider: .gpt),
            AgentFilter(status: .disabled),
        ] {
            let listed = try await collectPages(limit: 2) { try await store.agents.list(in: acme.scope, filter: filter, page: $0) }
            let expected = newestFirst.filter { agent in
                (filter.status.map { agent.status == $0 } ?? true) && (filter.provider.map { agent.provider == $0 } ?? true)
            }
            #expect(listed == expected, "\(filter)")
        }
    }

    static func taskListPaginatesAndFilters(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let acme = tenants.acme
        let otherProject = try await store.projects.create(in: acme.scope, ContractFixtures.project("other", in: acme.organization))
        var tasks = [acme.task]
        let priorities: [TaskPriority] = [.low, .high, .critical]
        for index in 0..<11 {
            let task = ContractFixtures.task(
                "task-\(index)",
                in: acme.organization,
                status: index.isMultiple(of: 4) ? .assigned : .pending,
                priority: priorities[index % priorities.count],
                type: index.isMultiple(of: 2) ? "code-review" : "testing",
                project: index.isMultiple(of: 3) ? otherProject : (index.isMultiple(of: 2) ? acme.project : nil),
                agent: index.isMultiple(of: 4) ? acme.agent : nil
            )
            tasks.append(try await store.tasks.create(in: acme.scope, task))
        }
        let newestFirst = tasks.sorted { $0.id > $1.id }

        #expect(try await collectPages(limit: 4) { try await store.tasks.list(in: acme.scope, filter: .init(), page: $0) } == newestFirst)
        let filters = [
            TaskFilter(status: .assigned), TaskFilter(status: .running), TaskFilter(priority: .high), TaskFilter(type: "testing"),
            TaskFilter(projectID: otherProject.id), TaskFilter(projectID: acme.project.id), TaskFilter(assignedAgentID: acme.agent.id),
            TaskFilter(status: .pending, priority: .critical, type: "code-review"),
        ]
        for filter in filters {
            let listed = try await collectPages(limit: 2) { try await store.tasks.list(in: acme.scope, filter: filter, page: $0) }
            let expected = newestFirst.filter { task in
                (filter.status.map { task.status == $0 } ?? true) && (filter.priority.map { task.priority == $0 } ?? true)
                    && (filter.type.map { task.type == $0 } ?? true) && (filter.projectID.map { task.projectID == $0 } ?? true)
                    && (filter.assignedAgentID.map { task.assignedAgentID == $0 } ?? true)
            }
            #expect(listed == expected, "\(filter)")
        }
    }

    static func invalidCursorIsRejected(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        await #expect(throws: ValidationError.self) {
            _ = try await store.tasks.list(in: tenants.acme.scope, filter: .init(), page: PageRequest(after: "not-a-cursor"))
        }
        // Cursors compare case-insensitively, as ids do.
        let upper = PageRequest(after: tenants.acme.task.id.description.uppercased())
        #expect(try await store.tasks.list(in: tenants.acme.scope, filter: .init(), page: upper).items.isEmpty)
    }
}
