import CoordinaitorDomain

/// An organization created together with its owner, for checks of data that references users.
struct OwnedOrganization {
    var organization: Organization
    var scope: TenantScope
    var owner: User
    var ownership: Membership

    static func make(_ slug: String, in store: any DataStore) async throws -> OwnedOrganization {
        let owner = try await store.users.create(ContractFixtures.user("owner@\(slug).example", name: "Owner of \(slug)"))
        let organization = ContractFixtures.organization(slug)
        let ownership = ContractFixtures.membership(of: owner, in: organization, role: .owner)
        _ = try await store.organizations.create(organization, owner: ownership)
        return OwnedOrganization(organization: organization, scope: TenantScope(organization), owner: owner, ownership: ownership)
    }
}
