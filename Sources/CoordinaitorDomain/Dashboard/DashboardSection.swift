/// The pages of an organization's dashboard, in the order its navigation lists them.
package enum DashboardSection: String, CaseIterable, Hashable, Sendable {
    case overview
    case usage
    case members
    case billing
    case settings
    case apiKeys = "api-keys"
    case webhooks
    case audit
    case stats

    package var title: String {
        switch self {
        case .overview: "Overview"
        case .usage: "Usage"
        case .members: "Members"
        case .billing: "Billing"
        case .settings: "Settings"
        case .apiKeys: "API keys"
        case .webhooks: "Webhooks"
        case .audit: "Audit log"
        case .stats: "Requests"
        }
    }

    /// The permission that lets a caller change what the page shows; nil for pages with nothing to change.
    package var managingPermission: Permission? {
        switch self {
        case .overview, .usage, .billing, .stats: nil
        case .members: .manageMembers
        case .settings: .manageSettings
        case .apiKeys: .manageAPIKeys
        case .webhooks: .manageWebhooks
        case .audit: nil
        }
    }

    /// The tier feature a page needs to be usable; pages without one are in every tier.
    package var feature: Feature? {
        switch self {
        case .webhooks: .webhooks
        case .apiKeys: .apiAccess
        default: nil
        }
    }
}
