import CoordinaitorDomain
import Testing

extension StorageContract {
    static func resourceNamesAreUniquePerOrganization(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let acme = tenants.acme
        await expectResourceError(.conflict, "project", field: "name") {
            _ = try await store.projects.create(in: acme.scope, ContractFixtures.project("website", in: acme.organization))
        }
        await expectResourceError(.conflict, "agent", field: "name") {
            _ = try await store.agents.create(in: acme.scope, ContractFixtures.agent("reviewer", in: acme.organization))
        }
        let other = try await store.projects.create(in: acme.scope, ContractFixtures.project("mobile", in: acme.organization))
        await expectResourceError(.conflict, "project", field: "name") {
            _ = try await store.projects.update(in: acme.scope, id: other.id) { project in
                var renamed = project
                renamed.name = "website"
                return renamed
            }
        }
    }

    static func otherOrganizationsCannotRead(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let (acme, globex) = (tenants.acme, tenants.globex)

        #expect(try await store.projects.find(in: globex.scope, id: acme.project.id) == nil)
        #expect(try await store.agents.find(in: globex.scope, id: acme.agent.id) == nil)
        #expect(try await store.tasks.find(in: globex.scope, id: acme.task.id) == nil)

        #expect(try await store.projects.list(in: globex.scope, filter: .init(), page: .init()).items == [globex.project])
        #expect(try await store.agents.list(in: globex.scope, filter: .init(), page: .init()).items == [globex.agent])
        #expect(try await store.tasks.list(in: globex.scope, filter: .init(), page: .init()).items == [globex.task])
        // Filters naming another organization's rows find nothing.
        let foreignProject = TaskFilter(projectID: acme.project.id)
        #expect(try await store.tasks.list(in: globex.scope, filter: foreignProject, page: .init()).items.isEmpty)
        let foreignAgent = TaskFilter(assignedAgentID: acme.agent.id)
        #expect(try await store.tasks.list(in: globex.scope, filter: foreignAgent, page: .init()).items.isEmpty)
    }

    static func otherOrganizationsCannotWrite(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let (acme, globex) = (tenants.acme, tenants.globex)

        await expectResourceError(.notFound, "project") {
            _ = try await store.projects.update(in: globex.scope, id: acme.project.id) { $0 }
        }
        await expectResourceError(.notFound, "agent") {
            _ = try await store.agents.update(in: globex.scope, id: acme.agent.id) { $0 }
        }
        await expectResourceError(.notFound, "task") {
            _ = try await store.tasks.update(in: globex.scope, id: acme.task.id) { $0 }
        }
        await expectResourceError(.notFound, "task") {
            try await store.tasks.delete(in: globex.scope, id: acme.task.id)
        }
        await expectResourceError(.notFound, "project") {
            try await store.projects.delete(in: globex.scope, id: acme.project.id)
        }
        await expectResourceError(.notFound, "agent") {
            try await store.agents.delete(in: globex.scope, id: acme.agent.id)
        }

        // Nothing of either organization changed.
        for tenant in [acme, globex] {
            #expect(try await store.projects.find(in: tenant.scope, id: tenant.project.id) == tenant.project)
            #expect(try await store.agents.find(in: tenant.scope, id: tenant.agent.id) == tenant.agent)
            #expect(try await store.tasks.find(in: tenant.scope, id: tenant.task.id) == tenant.task)
        }
    }

    static func taskReferencesMustBeInScope(_ store: any DataStore) async throws {
        let tenants = try await TwoTenants.make(in: store)
        let (acme, globex) = (tenants.acme, tenants.globex)

        await expectResourceError(.notFound, "project", field: "projectId") {
            _ = try await store.tasks.create(in: globex.scope, ContractFixtures.task("steal", in: globex.organization, project: acme.project))
        }
        await expectResourceError(.notFound, "agent", field: "assignedAgentId") {
            _ = try await store.tasks.create(
                in: globex.scope,
                ContractFixtures.task("steal", in: globex.organization, status: .assigned, agent: acme.agent)
            )
        }
        await expectResourceError(.notFound, "project", field: "projectId") {
            _ = try await store.tasks.create(in: globex.scope, ContractFixtures.task("ghost", in: globex.organization, project: ContractFixtures.project("ghost", in: globex.organization)))
        }
        await expectResourceError(.notFound, "project", field: "projectId") {
            _ = try await store.tasks.update(in: globex.scope, id: globex.task.id) { task in
                var moved = task
                moved.projectID = acme.project.id
                return moved
            }
        }
        await expectResourceError(.notFound, "agent", field: "assignedAgentId") {
            _ = try await store.tasks.update(in: globex.scope, id: globex.task.id) { task in
                var moved = task
                moved.assignedAgentID = acme.agent.id
                return moved
            }
        }
        #expect(try await store.tasks.find(in: globex.scope, id: globex.task.id) == globex.task)
        #expect(try await store.tasks.list(in: globex.scope, filter: .init(), page: .init()).items == [globex.task])
    }
}
