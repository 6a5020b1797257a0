import CoordinaitorDomain
import Foundation

// The repositories through which every change to what a task list shows is made, each dropping the organization's
// kept pages after the change: after it commits, and also when it throws, since a write may have committed before
// its error (a lost connection on commit).

extension TaskListCache {
    /// `repository` with every task write dropping its organization's pages.
    package func tracking(_ repository: any TaskRepository) -> any TaskRepository {
        self.isEnabled ? TaskListTrackingTaskRepository(base: repository, lists: self) : repository
    }

    /// `repository` with every deletion (which unlinks the project's tasks) dropping its organization's pages.
    package func tracking(_ repository: any ProjectRepository) -> any ProjectRepository {
        self.isEnabled ? TaskListTrackingProjectRepository(base: repository, lists: self) : repository
    }

    /// `repository` with every deletion (which unassigns the agent's tasks) dropping its organization's pages.
    package func tracking(_ repository: any AgentRepository) -> any AgentRepository {
        self.isEnabled ? TaskListTrackingAgentRepository(base: repository, lists: self) : repository
    }

    /// `repository` with every purge (which deletes the organization's tasks) dropping its pages.
    package func tracking(_ repository: any OrganizationRepository) -> any OrganizationRepository {
        self.isEnabled ? TaskListTrackingOrganizationRepository(base: repository, lists: self) : repository
    }
}

struct TaskListTrackingTaskRepository: TaskRepository {
    let base: any TaskRepository
    let lists: TaskListCache

    func list(in scope: TenantScope, filter: TaskFilter, page: PageRequest) async throws -> Page<WorkTask> {
        try await self.base.list(in: scope, filter: filter, page: page)
    }

    func find(in scope: TenantScope, id: TaskID) async throws -> WorkTask? {
        try await self.base.find(in: scope, id: id)
    }

    func create(in scope: TenantScope, _ task: WorkTask, limits: UsageLimits) async throws -> WorkTask {
        defer { self.lists.invalidate(scope.organizationID) }
        return try await self.base.create(in: scope, task, limits: limits)
    }

    func create(in scope: TenantScope, _ tasks: [WorkTask], limits: UsageLimits) async throws {
        defer { self.lists.invalidate(scope.organizationID) }
        try await self.base.create(in: scope, tasks, limits: limits)
    }

    func update(
        in scope: TenantScope, id: TaskID, limits: UsageLimits, _ change: @Sendable (WorkTask) throws -> WorkTask
    ) async throws -> WorkTask {
        defer { self.lists.invalidate(scope.organizationID) }
        return try await self.base.update(in: scope, id: id, limits: limits, change)
    }

    func delete(in scope: TenantScope, id: TaskID, limits: UsageLimits) async throws {
        defer { self.lists.invalidate(scope.organizationID) }
        try await self.base.delete(in: scope, id: id, limits: limits)
    }
}

struct TaskListTrackingProjectRepository: ProjectRepository {
    let base: any ProjectRepository
    let lists: TaskListCache

    func list(in scope: TenantScope, filter: ProjectFilter, page: PageRequest) async throws -> Page<Project> {
        try await self.base.list(in: scope, filter: filter, page: page)
    }

    func find(in scope: TenantScope, id: ProjectID) async throws -> Project? {
        try await self.base.find(in: scope, id: id)
    }

    func create(in scope: TenantScope, _ project: Project, limits: UsageLimits) async throws -> Project {
        try await self.base.create(in: scope, project, limits: limits)
    }

    func update(in scope: TenantScope, id: ProjectID, _ change: @Sendable (Project) throws -> Project) async throws -> Project {
        try await self.base.update(in: scope, id: id, change)
    }

    func delete(in scope: TenantScope, id: ProjectID, limits: UsageLimits) async throws {
        defer { self.lists.invalidate(scope.organizationID) }
        try await self.base.delete(in: scope, id: id, limits: limits)
    }
}

struct TaskListTrackingAgentRepository: AgentRepository {
    let base: any AgentRepository
    let lists: TaskListCache

    func list(in scope: TenantScope, filter: AgentFilter, page: PageRequest) async throws -> Page<Agent> {
        try await self.base.list(in: scope, filter: filter, page: page)
    }

    func find(in scope: TenantScope, id: AgentID) async throws -> Agent? {
        try await self.base.find(in: scope, id: id)
    }

    func create(in scope: TenantScope, _ agent: Agent, limits: UsageLimits) async throws -> Agent {
        try await self.base.create(in: scope, agent, limits: limits)
    }

    func update(in scope: TenantScope, id: AgentID, _ change: @Sendable (Agent) throws -> Agent) async throws -> Agent {
        try await self.base.update(in: scope, id: id, change)
    }

    func delete(in scope: TenantScope, id: AgentID, limits: UsageLimits) async throws {
        defer { self.lists.invalidate(scope.organizationID) }
        try await self.base.delete(in: scope, id: id, limits: limits)
    }
}

struct TaskListTrackingOrganizationRepository: OrganizationRepository {
    let base: any OrganizationRepository
    let lists: TaskListCache

    func create(_ organization: Organization, owner: Membership?) async throws -> Organization {
        try await self.base.create(organization, owner: owner)
    }

    func find(_ key: TenantKey) async throws -> Organization? {
        try await self.base.find(key)
    }

    func update(_ organization: Organization) async throws -> Organization {
        try await self.base.update(organization)
    }

    func update(_ organization: Organization, ifUpdatedAt expected: Date) async throws -> Organization? {
        try await self.base.update(organization, ifUpdatedAt: expected)
    }

    func purge(_ id: OrganizationID) async throws {
        defer { self.lists.invalidate(id) }
        try await self.base.purge(id)
    }

    func list(filter: OrganizationFilter, page: PageRequest) async throws -> Page<Organization> {
        try await self.base.list(filter: filter, page: page)
    }
}
