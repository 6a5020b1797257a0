import FoundationEssentials

/// A user's role in one organization. Tenant-owned: its key is `(organization_id, user_id)`.
package struct Membership: Hashable, Sendable {
    package var organizationID: OrganizationID
    package var userID: UserID
    package var role: Role
    package var createdAt: Date
    package var updatedAt: Date

    package init(organizationID: OrganizationID, userID: UserID, role: Role, createdAt: Date, updatedAt: Date) {
        self.organizationID = organizationID
        self.userID = userID
        self.role = role
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
