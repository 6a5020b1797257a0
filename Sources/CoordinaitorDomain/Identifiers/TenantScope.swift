/// The organization a storage call is confined to.
///
/// Every method of a tenant-owned repository takes a scope as its first argument, and every query it runs
/// filters on `organization_id` by it. There is no "unscoped" variant: code that has no tenant cannot name one.
package struct TenantScope: Hashable, Sendable, CustomStringConvertible {
    package let organizationID: OrganizationID

    package init(organizationID: OrganizationID) {
        self.organizationID = organizationID
    }

    package init(_ organization: Organization) {
        self.organizationID = organization.id
    }

    package var description: String { "tenant(\(self.organizationID))" }
}
