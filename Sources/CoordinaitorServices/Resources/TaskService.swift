import CoordinaitorDomain
import NIOCore
import Synchronization

/// Tasks of one organization at a time: every call takes the tenant scope. References to projects and agents are
/// checked in the same scope by the repository, so another organization's ids are refused like missing ones.
package struct TaskService: Sendable {
    private let tasks: any TaskRepository
    private let time: any TimeSource
    private let ids: any IdentifierSource
    private let gate: UsageGate
    private let webhooks: WebhookService
    private let audit: AuditTrail
    private let lists: TaskListCache
    private let listVersions: (any TaskListVersionSource)?

    /// - Parameters:
    ///   - lists: where rendered pages are kept; `tasks` must be ``TaskListCache/tracking(_:)-(TaskRepository)`` of it
    ///     (as must the project, agent and organization repositories of the same services), so that changes drop them.
    ///   - listVersions: the store's numbering of task-list changes, where other processes write it too.
    package init(
        tasks: any TaskRepository,
        time: any TimeSource,
        ids: any IdentifierSource,
        gate: UsageGate,
        webhooks: WebhookService,
        audit: AuditTrail,
        lists: TaskListCache,
        listVersions: (any TaskListVersionSource)?
    ) {
        self.audit = audit
        self.lists = lists
        self.listVersions = listVersions
        self.tasks = tasks
        self.time = time
        self.ids = ids
        self.gate = gate
        self.webhooks = webhooks
    }

    package func list(in scope: TenantScope, filter: TaskFilter, page: PageRequest) async throws -> Page<WorkTask> {
        try await self.tasks.list(in: scope, filter: filter, page: page)
    }

    /// The page as `render` writes it, kept and served again until the organization's tasks change
    /// (see ``TaskListCache``); the same as rendering ``list(in:filter:page:)`` every time.
    package func renderedList(
        in scope: TenantScope, filter: TaskFilter, page: PageRequest, render: (Page<WorkTask>) -> ByteBuffer
    ) async throws -> ByteBuffer {
        guard self.lists.isEnabled else { return render(try await self.list(in: scope, filter: filter, page: page)) }
        let key = TaskListCache.PageKey(filter: filter, page: page)
        // Read before the page, so that the page is never older than the version it is kept under.
        let version = try await self.listVersions?.taskListVersion(in: scope)
        switch self.lists.lookup(key, in: scope.organizationID, version: version) {
        case .hit(let body):
            return body
        case .miss(let generation):
            let body = render(try await self.list(in: scope, filter: filter, page: page))
            self.lists.store(body, for: key, in: scope.organizationID, generation: generation, version: version)
            return body
        }
    }

    package func get(in scope: TenantScope, id: TaskID) async throws -> WorkTask {
        guard let task = try await self.tasks.find(in: scope, id: id) else { throw ResourceError.notFound(TaskKind.resourceName) }
        return task
    }

    /// Creates the task within the month's task quota and the storage limit (``LimitExceededError`` otherwise).
    package func create(in organization: Organization, _ draft: NewTask) async throws -> WorkTask {
        let scope = TenantScope(organization)
        let now = self.time.now()
        let task = try draft.task(id: self.ids.make(TaskKind.self, at: now), in: scope, at: now)
        let created = try await self.gate.charging(organization) { try await self.tasks.create(in: scope, task, limits: $0) }
        self.audit.record(.taskCreated, in: organization.id, target: AuditTarget(created.id))
        await self.webhooks.taskCreated(created, in: organization)
        return created
    }

    /// Creates all the tasks in one transaction, within the month's task quota and the storage limit for their sum:
    /// all or none. The bulk path for imports and seeding: one audit entry for the batch and no per-task webhooks.
    package func createMany(in organization: Organization, _ drafts: [NewTask]) async throws -> [WorkTask] {
        guard !drafts.isEmpty else { return [] }
        let scope = TenantScope(organization)
        let now = self.time.now()
        let tasks = try drafts.map { try $0.task(id: self.ids.make(TaskKind.self, at: now), in: scope, at: now) }
        try await self.gate.charging(organization) { try await self.tasks.create(in: scope, tasks, limits: $0) }
        self.audit.record(.tasksImported, in: organization.id, target: nil, metadata: ["count": String(tasks.count)])
        return tasks
    }

    /// Applies the patch; a larger input or output is charged to storage, and a start by an agent to the month's
    /// agent executions.
    package func update(in organization: Organization, id: TaskID, _ patch: TaskPatch) async throws -> WorkTask {
        let now = self.time.now()
        let previousStatus = Mutex<TaskStatus?>(nil)
        let updated = try await self.gate.charging(organization) { limits in
            try await self.tasks.update(in: TenantScope(organization), id: id, limits: limits) { current in
                previousStatus.withLock { $0 = current.status }
                return try patch.applied(to: current, at: now)
            }
        }
        let previous = previousStatus.withLock { $0 }
        var metadata: [String: String] = [:]
        if let previous, previous != updated.status { metadata = ["from": previous.rawValue, "to": updated.status.rawValue] }
        self.audit.record(.taskUpdated, in: organization.id, target: AuditTarget(id), metadata: metadata)
        await self.webhooks.taskUpdated(updated, previousStatus: previous, in: organization)
        return updated
    }

    /// Deletes the task and its artifacts, releasing their storage (the month's task count stays).
    package func delete(in scope: TenantScope, id: TaskID) async throws {
        try await self.gate.releasing(scope.organizationID) { try await self.tasks.delete(in: scope, id: id, limits: $0) }
        self.audit.record(.taskDeleted, in: scope.organizationID, target: AuditTarget(id))
    }
}
