import CoordinaitorDomain
import Foundation
import Logging

/// Creating and changing organizations, keeping this node's tenant cache in step.
package struct OrganizationService: Sendable {
    private let organizations: any OrganizationRepository
    private let cache: TenantCache
    private let time: any TimeSource
    private let ids: any IdentifierSource
    private let audit: AuditTrail

    package init(organizations: any OrganizationRepository, cache: TenantCache, time: any TimeSource, ids: any IdentifierSource, audit: AuditTrail) {
        self.audit = audit
        self.organizations = organizations
        self.cache = cache
        self.time = time
        self.ids = ids
    }

    /// Validates and stores a new organization; `owner` becomes its owner in the same transaction.
    /// - Throws: ``ValidationError`` naming fields; ``ResourceError`` `.conflict` when name, subdomain or domain is taken.
    package func create(_ draft: NewOrganization, owner: UserID? = nil) async throws -> Organization {
        try draft.validate()
        let now = self.time.now()
        let organization = draft.organization(id: self.ids.make(OrganizationKind.self, at: now), at: now, createdBy: owner)
        let membership = owner.map { Membership(organizationID: organization.id, userID: $0, role: .owner, createdAt: now, updatedAt: now) }
        let created = try await self.organizations.create(organization, owner: membership)
        // A lookup of this name may have been cached as "unknown" a moment ago.
        self.cache.invalidate(created)
        self.audit.record(
            .organizationCreated, in: created.id, target: AuditTarget(created.id),
            metadata: ["name": created.name, "subdomain": created.subdomain, "tier": created.tier.rawValue]
        )
        return created
    }

    package func find(_ key: TenantKey) async throws -> Organization? {
        try await self.organizations.find(key)
    }

    package func list(filter: OrganizationFilter, page: PageRequest) async throws -> Page<Organization> {
        try await self.organizations.list(filter: filter, page: page)
    }

    /// Applies `change` to the stored organization; the next request on this node sees the result.
    ///
    /// Read–modify–write with a compare-and-set on `updatedAt`: when another change lands in between (an admin's
    /// settings and a super admin's tier change, say), `change` runs again on the fresh row rather than undoing it.
    package func update(_ id: OrganizationID, _ change: (Organization) throws -> Organization) async throws -> Organization {
        for _ in 0..<5 {
            if let stored = try await self.updateOnce(id, change) { return stored }
        }
        throw ResourceError(
            code: .conflict,
            resource: OrganizationKind.resourceName,
            field: nil,
            message: "The organization kept changing while this change was applied; try again."
        )
    }

    private func updateOnce(_ id: OrganizationID, _ change: (Organization) throws -> Organization) async throws -> Organization? {
        guard let current = try await self.organizations.find(.id(id)) else { throw ResourceError.notFound(OrganizationKind.resourceName) }
        // A cancelled organization's `updatedAt` is when it was cancelled, which starts its grace period: it stays frozen.
        guard current.status != .cancelled else {
            throw ResourceError(
                code: .invalidTransition,
                resource: OrganizationKind.resourceName,
                field: "status",
                message: "This organization is cancelled; reactivate it before changing it."
            )
        }
        var updated = try change(current)
        updated.id = current.id
        // Strictly later than what was read, so the compare-and-set tells every write apart even within a millisecond.
        updated.updatedAt = max(self.time.now(), current.updatedAt.addingTimeInterval(0.001))
        guard let stored = try await self.organizations.update(updated, ifUpdatedAt: current.updatedAt) else { return nil }
        self.cache.invalidate(current, stored)
        self.recordChanges(from: current, to: stored)
        return stored
    }

    /// Deletes a cancelled organization and all its data for good. Only cancelled organizations can be purged, so an
    /// active one is never lost to a mistyped id.
    package func purge(_ id: OrganizationID) async throws {
        guard let organization = try await self.organizations.find(.id(id)) else { throw ResourceError.notFound(OrganizationKind.resourceName) }
        guard organization.status == .cancelled else {
            throw ResourceError(
                code: .invalidTransition,
                resource: OrganizationKind.resourceName,
                field: "status",
                message: "Only a cancelled organization can be purged; this one is \(organization.status.rawValue)."
            )
        }
        try await self.organizations.purge(id)
        self.cache.invalidate(organization)
        // The organization's chain outlives it: the purge is its last entry.
        self.audit.record(.organizationPurged, in: id, target: AuditTarget(id), metadata: ["name": organization.name])
    }

    private func recordChanges(from before: Organization, to after: Organization) {
        for change in OrganizationChangeAudit.changes(from: before, to: after) {
            self.audit.record(change.action, in: after.id, target: AuditTarget(after.id), metadata: change.metadata)
        }
    }

    /// Changes an organization's status (suspend, reactivate, cancel); the next request on this node sees it.
    package func setStatus(_ status: OrganizationStatus, of key: TenantKey) async throws -> Organization {
        guard var organization = try await self.organizations.find(key) else {
            throw ResourceError.notFound(OrganizationKind.resourceName)
        }
        let previous = organization
        // Re-applying a status changes nothing (and does not restart a cancellation's grace period); a cancelled
        // organization only leaves that state by reactivation.
        if organization.status == status { return organization }
        if organization.status == .cancelled, status != .active {
            throw ResourceError(
                code: .invalidTransition,
                resource: OrganizationKind.resourceName,
                field: "status",
                message: "This organization is cancelled; only reactivation can change its status."
            )
        }
        organization.status = status
        organization.updatedAt = self.time.now()
        let updated = try await self.organizations.update(organization)
        self.cache.invalidate(previous, updated)
        self.recordChanges(from: previous, to: updated)
        return updated
    }

    /// The organization that single-tenant mode (and the header strategy's fallback) serves.
    ///
    /// With no `DEFAULT_ORGANIZATION_ID`, single-tenant mode creates the `default` organization on first start.
    /// - Throws: ``StartupError`` when `DEFAULT_ORGANIZATION_ID` names no organization.
    package func ensureDefaultOrganization(for configuration: TenancyConfiguration, logger: Logger) async throws -> Organization? {
        if let key = configuration.defaultOrganization {
            guard let organization = try await self.organizations.find(key) else {
                throw StartupError(
                    "DEFAULT_ORGANIZATION_ID names no organization (\(TenantDirectory.describe(key))). "
                        + "Create it first (coordinaitor org create …) or unset the variable."
                )
            }
            return organization
        }
        guard !configuration.multiTenantEnabled else { return nil }
        let key = configuration.singleTenantKey
        if let existing = try await self.organizations.find(key) { return existing }
        let draft = NewOrganization(
            name: TenancyConfiguration.builtInDefaultSlug,
            displayName: "Default Organization",
            subdomain: TenancyConfiguration.builtInDefaultSlug,
            contactEmail: "admin@default.invalid"
        )
        do {
            let created = try await self.create(draft)
            logger.scoped(.organizationService)
                .info("Created the default organization for single-tenant mode", metadata: ["organization.id": "\(created.id)"])
            return created
        } catch let error as ResourceError where error.code == .conflict {
            // Another node created it at the same moment.
            guard let existing = try await self.organizations.find(key) else { throw error }
            return existing
        }
    }
}

/// The server cannot start; the message is the one line it prints.
package struct StartupError: Error, CustomStringConvertible, Sendable {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }
}
