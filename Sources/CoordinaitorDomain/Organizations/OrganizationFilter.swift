/// What the platform's organization list can be narrowed by (a super admin's view).
package struct OrganizationFilter: Hashable, Sendable {
    package var status: OrganizationStatus?
    package var tier: Tier?
    /// Case-insensitive substring of the name, display name or subdomain.
    package var search: String?

    package init(status: OrganizationStatus? = nil, tier: Tier? = nil, search: String? = nil) {
        self.status = status
        self.tier = tier
        self.search = search.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether `organization` passes the filter: what the stores' queries select, for lists built in memory.
    package func matches(_ organization: Organization) -> Bool {
        if let status = self.status, organization.status != status { return false }
        if let tier = self.tier, organization.tier != tier { return false }
        guard let search = self.search?.lowercased() else { return true }
        return [organization.name, organization.displayName, organization.subdomain].contains { $0.lowercased().contains(search) }
    }

    /// `search` as a LIKE pattern, with `%`, `_` and `\` taken literally (escape character `\`).
    package var likePattern: String? {
        guard let search else { return nil }
        var escaped = ""
        for character in search.lowercased() {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
