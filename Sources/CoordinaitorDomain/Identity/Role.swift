/// A member's role in one organization.
///
/// Roles are ordered for management: an actor may only grant, change or remove roles ranked strictly below their own
/// (an owner may manage admins, an admin members, viewers and billing). `billing` sits with `viewer` at the bottom.
package enum Role: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    case owner, admin, member, viewer, billing

    package var rank: Int {
        switch self {
        case .owner: 4
        case .admin: 3
        case .member: 2
        case .viewer, .billing: 1
        }
    }

    package static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    /// Whether someone with this role may grant, change or remove `other`.
    package func canManage(_ other: Role) -> Bool { other.rank < self.rank }

    package var permissions: Set<Permission> { Permission.table[self] ?? [] }
}

/// What a caller may do inside an organization. The whole table is written down in ``Permission/table``.
package enum Permission: String, CaseIterable, Hashable, Sendable {
    /// Read projects, tasks and agents.
    case readResources
    /// Create, change and delete projects, tasks and agents.
    case writeResources
    /// List members; change roles and remove members below one's own role.
    case manageMembers
    case manageInvitations
    case manageAPIKeys
    /// Display name, contact email, branding and other settings.
    case manageSettings
    /// Register and remove webhooks and read their deliveries (settings: their targets receive the organization's events).
    case manageWebhooks
    case readUsage
    case readBilling
    /// Read, verify and export the organization's audit log.
    case readAuditLog
    case requestTierChange
    case deleteOrganization
    case transferOwnership

    /// The permission table: one place, read by every authorization check.
    package static let table: [Role: Set<Permission>] = {
        let viewer: Set<Permission> = [.readResources]
        let member = viewer.union([.writeResources])
        let admin = member.union([
            .manageMembers, .manageInvitations, .manageAPIKeys, .manageSettings, .manageWebhooks, .readUsage, .readBilling, .readAuditLog,
        ])
        let owner = admin.union([.requestTierChange, .deleteOrganization, .transferOwnership])
        let billing: Set<Permission> = [.readUsage, .readBilling]
        return [.owner: owner, .admin: admin, .member: member, .viewer: viewer, .billing: billing]
    }()
}
