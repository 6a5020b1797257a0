/// Who is calling: a signed-in user, or an API key of one organization.
package enum Principal: Hashable, Sendable {
    case user(User)
    case apiKey(APIKey)

    /// The user, for routes that only people may use (organizations, members, invitations).
    package var user: User? {
        if case .user(let user) = self { return user }
        return nil
    }

    /// How the caller may act in `organization`, given the user's membership there (ignored for API keys).
    package func access(to organization: OrganizationID, membership: Membership?) -> TenantAccess {
        switch self {
        case .user(let user):
            return TenantAccess.decide(user: user, membership: membership)
        case .apiKey(let key):
            return key.organizationID == organization ? .apiKey(key.scopes) : .crossTenantDenied
        }
    }
}
