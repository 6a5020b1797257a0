/// A storage backend: its repositories plus what the server needs to start and report readiness.
package protocol DataStore: Sendable {
    var organizations: any OrganizationRepository { get }
    var projects: any ProjectRepository { get }
    var agents: any AgentRepository { get }
    var tasks: any TaskRepository { get }
    var users: any UserRepository { get }
    var memberships: any MembershipRepository { get }
    var apiKeys: any APIKeyRepository { get }
    var invitations: any InvitationRepository { get }
    var usage: any UsageRepository { get }
    var artifacts: any ArtifactRepository { get }
    var webhooks: any WebhookRepository { get }
    /// The append-only audit log; not tenant-scoped like the others (chains are per organization, and operators read across).
    var audit: any AuditLogRepository { get }

    /// Applies every migration not yet applied, each in its own transaction, and returns the versions applied now.
    /// Safe to call repeatedly and from several processes at once.
    func migrate() async throws -> [Int]

    /// Whether the database answers and every known migration is applied.
    /// - Throws: when the database cannot be reached.
    func readiness() async throws -> StoreReadiness

    /// Releases connections. No call may follow.
    func shutdown() async throws

    /// Numbers each organization's task-list changes, for a store that other processes may write (PostgreSQL, shared by
    /// several nodes); nil for one this process alone writes (SQLite), where its own writes say when lists change.
    var taskListVersions: (any TaskListVersionSource)? { get }
}

extension DataStore {
    package var taskListVersions: (any TaskListVersionSource)? { nil }
}

/// Where a kept page of a task list is checked before it is served (see `TaskListCache`).
package protocol TaskListVersionSource: Sendable {
    /// A number that differs from every one read before once any of the organization's tasks has changed, whoever
    /// changed it; read in its own statement, it is never older than a page read after it.
    func taskListVersion(in scope: TenantScope) async throws -> Int64
}

package struct StoreReadiness: Hashable, Sendable {
    /// The backend's name: `sqlite` or `postgres`.
    package var backend: String
    package var appliedVersion: Int
    package var latestVersion: Int

    package init(backend: String, appliedVersion: Int, latestVersion: Int) {
        self.backend = backend
        self.appliedVersion = appliedVersion
        self.latestVersion = latestVersion
    }

    package var migrationsCurrent: Bool { self.appliedVersion >= self.latestVersion }
}

/// A storage call was made with a value whose organization is not the scope's: a programming error, never user input.
package struct ScopeMismatchError: Error, Hashable, Sendable {
    package var scope: TenantScope
    package var valueOrganizationID: OrganizationID

    package init(scope: TenantScope, valueOrganizationID: OrganizationID) {
        self.scope = scope
        self.valueOrganizationID = valueOrganizationID
    }

    /// Throws unless `organizationID` is the scope's.
    package static func check(_ organizationID: OrganizationID, in scope: TenantScope) throws(ScopeMismatchError) {
        if organizationID != scope.organizationID { throw ScopeMismatchError(scope: scope, valueOrganizationID: organizationID) }
    }
}
