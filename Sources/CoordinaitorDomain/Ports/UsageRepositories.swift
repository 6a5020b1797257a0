/// Usage counters. Writes that consume usage happen inside the repositories of what they count (through
/// ``UsageLimits``); this port reads the counters and adds what is counted in memory.
package protocol UsageRepository: Sendable {
    /// Every counter row of the organization (a few per metric and month: small).
    func counters(in scope: TenantScope) async throws -> [UsageCounter]
    /// Every organization (any status) with its tier and its figures for `period`, the current month, in one query:
    /// what the metrics scrape reads, across tenants on purpose. Ordered by organization id.
    func totals(for period: UsagePeriod) async throws -> [OrganizationUsageTotals]
    /// Adds API calls counted in memory for several organizations in one transaction, to `period`'s row of each;
    /// returns each organization's new total for the period. Organizations that no longer exist are skipped.
    func addAPICalls(_ counts: [OrganizationID: Int64], period: UsagePeriod) async throws -> [OrganizationID: Int64]
    /// Applies charges that no row stands for (imports, corrections by operators, tests that start near a limit) with
    /// the same conditional check as every counted write, in one transaction.
    /// - Throws: ``UsageLimitReachedError`` when a charge would pass its maximum (nothing is changed).
    func charge(in scope: TenantScope, _ charges: [UsageCharge], limits: UsageLimits) async throws
    /// Counts again what capacities count (members, projects, agents, webhooks, stored bytes) from the rows themselves,
    /// without changing anything: the counters must always equal these.
    func recount(in scope: TenantScope) async throws -> [UsageMetric: Int64]
    /// Repairs drift: sets the capacities' `current` counters (and `period`'s snapshot rows) to a recount of the rows, in
    /// one transaction that keeps concurrent counted writes out of the count's way. Returns the values written.
    func reconcile(in scope: TenantScope, period: UsagePeriod) async throws -> [UsageMetric: Int64]
}

/// Artifacts are tenant-owned and belong to a task; deleting the task deletes them and releases their storage.
package protocol ArtifactRepository: Sendable {
    /// Stores the artifact, replacing one of the same name, and charges the size difference to `storageBytes` within
    /// `limits`, in one transaction.
    /// - Throws: ``ResourceError`` `.notFound` (resource `task`) when the task is not in scope;
    ///   ``UsageLimitReachedError`` when storage would pass its limit (nothing is written).
    func put(in scope: TenantScope, _ artifact: TaskArtifact, content: [UInt8], limits: UsageLimits) async throws -> TaskArtifact
    /// The artifacts of a task, by name, without their content. Empty when the task has none or is not in scope.
    func list(in scope: TenantScope, taskID: TaskID) async throws -> [TaskArtifact]
    func find(in scope: TenantScope, taskID: TaskID, name: ArtifactName) async throws -> (artifact: TaskArtifact, content: [UInt8])?
    /// Deletes the artifact and releases its storage. - Throws: `.notFound` (resource `artifact`).
    func delete(in scope: TenantScope, taskID: TaskID, name: ArtifactName, limits: UsageLimits) async throws
}
