/// The repositories of tenant-owned resources share one shape: every method takes the ``TenantScope`` first, every query
/// filters on `organization_id` by it, and a row of another organization is indistinguishable from a missing one.
///
/// `update` is read–modify–write inside one transaction: the repository loads the row (locking it where the database
/// can), hands it to `change`, a pure function that applies a validated patch, and writes the result.
/// Errors thrown by `change` propagate unchanged and nothing is written.
package protocol ProjectRepository: Sendable {
    func list(in scope: TenantScope, filter: ProjectFilter, page: PageRequest) async throws -> Page<Project>
    func find(in scope: TenantScope, id: ProjectID) async throws -> Project?
    /// Counts the project (`projects`) within `limits` in the same transaction.
    /// - Throws: ``ResourceError`` `.conflict` (field `name`) when the organization already has a project of that name;
    ///   ``UsageLimitReachedError`` when the organization has no project slot left.
    func create(in scope: TenantScope, _ project: Project, limits: UsageLimits) async throws -> Project
    /// - Throws: ``ResourceError`` `.notFound` (resource `project`) when there is no such project in scope.
    func update(in scope: TenantScope, id: ProjectID, _ change: @Sendable (Project) throws -> Project) async throws -> Project
    /// Deletes the project and frees its slot (in `limits.period`'s history too); its tasks stay and lose their project.
    /// - Throws: ``ResourceError`` `.notFound` when there is no such project in scope.
    func delete(in scope: TenantScope, id: ProjectID, limits: UsageLimits) async throws
}

package protocol AgentRepository: Sendable {
    func list(in scope: TenantScope, filter: AgentFilter, page: PageRequest) async throws -> Page<Agent>
    func find(in scope: TenantScope, id: AgentID) async throws -> Agent?
    /// Counts the agent (`agents`) within `limits` in the same transaction.
    /// - Throws: ``ResourceError`` `.conflict` (field `name`) when the organization already has an agent of that name;
    ///   ``UsageLimitReachedError`` when the organization has no agent slot left.
    func create(in scope: TenantScope, _ agent: Agent, limits: UsageLimits) async throws -> Agent
    func update(in scope: TenantScope, id: AgentID, _ change: @Sendable (Agent) throws -> Agent) async throws -> Agent
    /// Deletes the agent and frees its slot; tasks assigned to it become unassigned (and `assigned` ones go back to `pending`).
    func delete(in scope: TenantScope, id: AgentID, limits: UsageLimits) async throws
}

package protocol TaskRepository: Sendable {
    func list(in scope: TenantScope, filter: TaskFilter, page: PageRequest) async throws -> Page<WorkTask>
    func find(in scope: TenantScope, id: TaskID) async throws -> WorkTask?
    /// Inserts a task after checking, in the same transaction, that its project and agent exist in scope, and applies
    /// its ``WorkTask/creationCharges`` within `limits`; stores its ``WorkTask/storageBytes`` with it.
    /// - Throws: ``ResourceError`` `.notFound` with resource `project` (field `projectId`) or `agent` (field `assignedAgentId`);
    ///   ``UsageLimitReachedError`` (nothing is written).
    func create(in scope: TenantScope, _ task: WorkTask, limits: UsageLimits) async throws -> WorkTask
    /// Inserts all the tasks in one transaction, checking each distinct reference once and their summed
    /// ``Swift/Collection/creationCharges`` against `limits`: all are stored, or none (a bulk import or seed).
    func create(in scope: TenantScope, _ tasks: [WorkTask], limits: UsageLimits) async throws
    /// Like `create`, a changed project or agent reference is checked in scope in the same transaction, and the
    /// change's ``WorkTask/usageCharges(after:)`` are applied within `limits`.
    func update(
        in scope: TenantScope,
        id: TaskID,
        limits: UsageLimits,
        _ change: @Sendable (WorkTask) throws -> WorkTask
    ) async throws -> WorkTask
    /// Deletes the task with its artifacts and releases the storage both took.
    func delete(in scope: TenantScope, id: TaskID, limits: UsageLimits) async throws
}
