import FoundationEssentials

/// Storage of organizations: the only table that is not tenant-owned (it *is* the tenants).
///
/// Uniqueness of `name`, `subdomain` and `domain` is enforced by database constraints; a violation is reported as
/// ``ResourceError/conflict(_:field:)`` naming the field (`name`, `subdomain` or `domain`).
package protocol OrganizationRepository: Sendable {
    /// Inserts a new organization and, when given, its owner's membership, in one transaction: either both are
    /// stored or neither is. The owner is counted as the first of `users` (for the month of `organization.createdAt`).
    /// - Throws: ``ResourceError`` `.conflict` when a unique field is taken (including by a concurrent insert);
    ///   `.notFound` (resource `user`, field `userId`) when `owner` names no user. ``ScopeMismatchError`` when `owner`
    ///   belongs to another organization.
    func create(_ organization: Organization, owner: Membership?) async throws -> Organization

    /// Finds an organization by id, by slug (subdomain first, then name) or by custom domain. Any status.
    func find(_ key: TenantKey) async throws -> Organization?

    /// Replaces the stored organization that has `organization.id`.
    /// - Throws: ``ResourceError`` `.notFound` when there is none, `.conflict` when a unique field is taken.
    func update(_ organization: Organization) async throws -> Organization

    /// Replaces the stored organization only if its `updatedAt` is still `expected` (a compare-and-set: two concurrent
    /// read–modify–writes, say a settings change and a tier change, cannot undo each other). Returns nil when the row
    /// changed in between; the caller reads it again.
    /// - Throws: ``ResourceError`` `.notFound` when there is none, `.conflict` when a unique field is taken.
    func update(_ organization: Organization, ifUpdatedAt expected: Date) async throws -> Organization?

    /// Deletes the organization and every row it owns, in one transaction (every tenant-owned table; a table added
    /// later must be added here too — the contract suite checks that nothing is left).
    /// - Throws: ``ResourceError`` `.notFound` when there is no such organization.
    func purge(_ id: OrganizationID) async throws

    /// Organizations newest first (by id, which is time-ordered), narrowed by `filter`.
    func list(filter: OrganizationFilter, page: PageRequest) async throws -> Page<Organization>
}

extension OrganizationRepository {
    /// Inserts a new organization without members.
    /// - Throws: ``ResourceError`` `.conflict` when a unique field is taken (including by a concurrent insert).
    package func create(_ organization: Organization) async throws -> Organization {
        try await self.create(organization, owner: nil)
    }
}

/// The tenant-owned tables, children first: the order in which purging an organization deletes its rows.
package enum TenantOwnedTables {
    package static let deletionOrder = [
        "task_artifacts", "tasks", "agents", "projects", "api_keys", "invitations", "memberships", "usage_counters",
        "webhook_deliveries", "webhooks",
    ]
}
