import CoordinaitorDomain
import Foundation

/// Limits for the checks that are not about usage: everything is counted, nothing is refused.
enum ContractLimits {
    /// The month of ``TestDates/base``.
    static let period = UsagePeriod(containing: TestDates.base)
    static let unlimited = UsageLimits.unlimited(in: period)

    /// Limits in ``period`` with the given maximums.
    static func limited(_ maximums: [UsageMetric: Int64], in period: UsagePeriod = period) -> UsageLimits {
        UsageLimits(period: period, maximums: maximums)
    }
}

// The call shapes the checks had before usage limits, for the checks that are not about limits. Internal to this
// module on purpose: production code and the usage checks always pass real limits.

extension ProjectRepository {
    func create(in scope: TenantScope, _ project: Project) async throws -> Project {
        try await self.create(in: scope, project, limits: ContractLimits.unlimited)
    }

    func delete(in scope: TenantScope, id: ProjectID) async throws {
        try await self.delete(in: scope, id: id, limits: ContractLimits.unlimited)
    }
}

extension AgentRepository {
    func create(in scope: TenantScope, _ agent: Agent) async throws -> Agent {
        try await self.create(in: scope, agent, limits: ContractLimits.unlimited)
    }

    func delete(in scope: TenantScope, id: AgentID) async throws {
        try await self.delete(in: scope, id: id, limits: ContractLimits.unlimited)
    }
}

extension TaskRepository {
    func create(in scope: TenantScope, _ task: WorkTask) async throws -> WorkTask {
        try await self.create(in: scope, task, limits: ContractLimits.unlimited)
    }

    func update(in scope: TenantScope, id: TaskID, _ change: @Sendable (WorkTask) throws -> WorkTask) async throws -> WorkTask {
        try await self.update(in: scope, id: id, limits: ContractLimits.unlimited, change)
    }

    func delete(in scope: TenantScope, id: TaskID) async throws {
        try await self.delete(in: scope, id: id, limits: ContractLimits.unlimited)
    }
}

extension MembershipRepository {
    func add(in scope: TenantScope, _ membership: Membership) async throws -> Membership {
        try await self.add(in: scope, membership, limits: ContractLimits.unlimited)
    }

    func remove(in scope: TenantScope, userID: UserID) async throws {
        try await self.remove(in: scope, userID: userID, limits: ContractLimits.unlimited)
    }

    func remove(in scope: TenantScope, userID: UserID, permitting: @Sendable (Membership) throws -> Void) async throws {
        try await self.remove(in: scope, userID: userID, limits: ContractLimits.unlimited, permitting: permitting)
    }
}

extension InvitationRepository {
    func accept(_ id: InvitationID, by user: UserID, at time: Date) async throws -> Membership {
        try await self.accept(id, by: user, at: time, limits: ContractLimits.unlimited)
    }
}
