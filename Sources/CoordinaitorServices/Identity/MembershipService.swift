import CoordinaitorDomain
import Synchronization

/// Listing members and changing who has which role, under the rule that an actor only manages roles below their own.
package struct MembershipService: Sendable {
    private let memberships: any MembershipRepository
    private let users: any UserRepository
    private let time: any TimeSource
    private let gate: UsageGate
    private let webhooks: WebhookService
    private let audit: AuditTrail

    package init(
        memberships: any MembershipRepository,
        users: any UserRepository,
        time: any TimeSource,
        gate: UsageGate,
        webhooks: WebhookService,
        audit: AuditTrail
    ) {
        self.audit = audit
        self.memberships = memberships
        self.users = users
        self.time = time
        self.gate = gate
        self.webhooks = webhooks
    }

    /// A member with their account, for display.
    package struct Member: Sendable {
        package var membership: Membership
        package var user: User
    }

    /// One page of members with their accounts: two queries whatever the page size.
    package func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Member> {
        let memberships = try await self.memberships.list(in: scope, page: page)
        let users = Dictionary(uniqueKeysWithValues: try await self.users.find(ids: memberships.items.map(\.userID)).map { ($0.id, $0) })
        let members = memberships.items.compactMap { membership in users[membership.userID].map { Member(membership: membership, user: $0) } }
        return Page(items: members, nextCursor: memberships.nextCursor)
    }

    /// Gives `target` a new role. Owners are made only by ``transferOwnership(in:to:by:)``.
    package func changeRole(in scope: TenantScope, of target: UserID, to role: Role, by actor: MemberActor) async throws -> Membership {
        guard role != .owner else {
            throw ResourceError(code: .invalidTransition, resource: "membership", field: "role", message: "Ownership is given by a transfer, not a role change.")
        }
        let previousRole = Mutex<Role?>(nil)
        let changed = try await self.memberships.update(in: scope, userID: target) { membership in
            try actor.requireCanManage(membership.role, field: "userId")
            try actor.requireCanManage(role, field: "role")
            previousRole.withLock { $0 = membership.role }
            var changed = membership
            changed.role = role
            changed.updatedAt = self.time.now()
            return changed
        }
        self.audit.record(
            .memberRoleChanged, in: scope.organizationID, target: AuditTarget(target),
            metadata: ["from": previousRole.withLock { $0 }?.rawValue ?? "", "to": role.rawValue]
        )
        return changed
    }

    /// Removes `target`; anyone may leave (remove themselves), except the last owner.
    package func remove(in organization: Organization, member target: UserID, by actor: MemberActor) async throws {
        let scope = TenantScope(organization)
        // The authority check runs on the row inside the delete's transaction, so a concurrent promotion cannot slip past it.
        let removedRole = Mutex<Role?>(nil)
        try await self.gate.releasing(scope.organizationID) { limits in
            try await self.memberships.remove(in: scope, userID: target, limits: limits) { membership in
                if actor.userID != target { try actor.requireCanManage(membership.role, field: "userId") }
                removedRole.withLock { $0 = membership.role }
            }
        }
        let role = removedRole.withLock { $0 }
        self.audit.record(.memberRemoved, in: organization.id, target: AuditTarget(target), metadata: ["role": role?.rawValue ?? ""])
        await self.webhooks.membershipChanged(.memberRemoved, in: organization, user: target, role: role)
    }

    /// The acting owner hands ownership to another member and becomes an admin.
    package func transferOwnership(in scope: TenantScope, to target: UserID, by owner: UserID) async throws -> Membership {
        guard target != owner else {
            throw ValidationError(field: "userId", "Name another member to hand ownership to.")
        }
        let now = self.time.now()
        let promoted = try await self.memberships.update(in: scope, userID: target) { membership in
            var changed = membership
            changed.role = .owner
            changed.updatedAt = now
            return changed
        }
        _ = try await self.memberships.update(in: scope, userID: owner) { membership in
            var changed = membership
            changed.role = .admin
            changed.updatedAt = now
            return changed
        }
        self.audit.record(.ownershipTransferred, in: scope.organizationID, target: AuditTarget(target), metadata: ["previousOwner": owner.description])
        return promoted
    }
}

/// Who is changing memberships, and how far their authority reaches.
package struct MemberActor: Sendable {
    package var userID: UserID
    /// The actor's role; nil for a super admin acting from outside, who may manage every role.
    package var role: Role?

    package init(userID: UserID, role: Role?) {
        self.userID = userID
        self.role = role
    }

    /// Throws unless the actor may grant, change or remove `role`.
    package func requireCanManage(_ role: Role, field: String) throws {
        guard let own = self.role else { return }
        guard own.canManage(role) else {
            throw ResourceError(
                code: .notPermitted,
                resource: "membership",
                field: field,
                message: "A \(own.rawValue) can only manage roles below their own; \(role.rawValue) is not."
            )
        }
    }
}
