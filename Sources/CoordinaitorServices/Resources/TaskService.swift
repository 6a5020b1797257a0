import CoordinaitorDomain

/// Tasks of one organization at a time: every call takes the tenant scope. References to projects and agents are
/// checked in the same scope by the repository, so another organization's ids are refused like missing ones.
package struct TaskService: Sendable {
    private let tasks: any TaskRepository
    private let time: any TimeSource
    private let ids: any IdentifierSource

    package init(tasks: any TaskRepository, time: any TimeSource, ids: any IdentifierSource) {
        self.tasks = tasks
        self.time = time
        self.ids = ids
    }

    package func list(in scope: TenantScope, filter: TaskFilter, page: PageRequest) async throws -> Page<WorkTask> {
        try await self.tasks.list(in: scope, filter: filter, page: page)
    }

    package func get(in scope: TenantScope, id: TaskID) async throws -> WorkTask {
        guard let task = try await self.tasks.find(in: scope, id: id) else { throw ResourceError.notFound(TaskKind.resourceName) }
        return task
    }

    package func create(in scope: TenantScope, _ draft: NewTask) async throws -> WorkTask {
        let now = self.time.now()
        let task = try draft.task(id: self.ids.make(TaskKind.self, at: now), in: scope, at: now)
        return try await self.tasks.create(in: scope, task)
    }

    package func update(in scope: TenantScope, id: TaskID, _ patch: TaskPatch) async throws -> WorkTask {
        let now = self.time.now()
        return try await self.tasks.update(in: scope, id: id) { try patch.applied(to: $0, at: now) }
    }

    package func delete(in scope: TenantScope, id: TaskID) async throws {
        try await self.tasks.delete(in: scope, id: id)
    }
}
