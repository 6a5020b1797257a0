/// Whether an organization is served. Only ``active`` organizations are.
package enum OrganizationStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case active, suspended, pending, cancelled

    /// What a caller of an organization that is not active is told, and what to do about it.
    package var inactiveExplanation: String? {
        switch self {
        case .active: nil
        case .suspended: "This organization is suspended. Contact the platform operator to have it reactivated."
        case .pending: "This organization is pending activation. It will be served once the platform operator activates it."
        case .cancelled: "This organization was cancelled. Its owner can contact the platform operator within the grace period to restore it."
        }
    }
}
