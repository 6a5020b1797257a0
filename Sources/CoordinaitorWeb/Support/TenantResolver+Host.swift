import CoordinaitorDomain

extension TenantResolver {
    /// Whether the request's host names an organization under a host strategy (`subdomain` or `domain`). Pages on
    /// such a host belong to that organization: a `/org/{key}` prefix cannot point them elsewhere, and the platform
    /// console is not there.
    func hostNamesAnOrganization(_ facts: TenantRequestFacts) -> Bool {
        guard self.configuration.multiTenantEnabled, self.configuration.strategy == .subdomain || self.configuration.strategy == .domain else {
            return false
        }
        if case .organization = self.resolve(facts) { return true }
        return false
    }
}
