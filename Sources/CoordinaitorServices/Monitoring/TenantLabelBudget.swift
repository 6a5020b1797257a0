import CoordinaitorDomain

/// Keeps the number of distinct `organization` label values bounded: the first `capacity` organizations seen get a
/// label of their own, every later one is reported as ``overflowLabel``, so a platform with many tenants cannot blow
/// up the metrics' cardinality (each label value multiplies every series that carries it).
///
/// A label, once given, is kept for the life of the process, so a series never changes its name mid-flight.
///
/// The label is the organization's id, not its subdomain: the id never changes and is never reused, while a subdomain
/// can be renamed or, after a purge, taken by another organization (whose numbers would then continue the first
/// one's series), and a tenant could even pick `other`. The `coordinaitor_organization_info` series maps ids to
/// subdomains for dashboards.
package struct TenantLabelBudget: Sendable {
    /// The label of organizations beyond the budget.
    package static let overflowLabel = "other"
    /// The label of requests that have no organization (central routes, unresolved tenants).
    package static let noOrganizationLabel = "none"

    package let capacity: Int
    private var labels: [OrganizationID: String] = [:]

    package init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    /// The organization's label, giving it one of its own if the budget still has room.
    package mutating func label(for organization: OrganizationID) -> String {
        if let label = self.labels[organization] { return label }
        guard self.labels.count < self.capacity else { return Self.overflowLabel }
        let label = organization.description
        self.labels[organization] = label
        return label
    }

    /// The label for a request's organization, if it has one.
    package mutating func label(for organization: OrganizationID?) -> String {
        guard let organization else { return Self.noOrganizationLabel }
        return self.label(for: organization)
    }

    /// Organizations that have a label of their own.
    package var assignedCount: Int { self.labels.count }

    /// Whether the organization has a label of its own (without giving it one).
    package func hasOwnLabel(_ organization: OrganizationID) -> Bool { self.labels[organization] != nil }
}
