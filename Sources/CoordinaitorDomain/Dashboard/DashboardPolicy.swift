/// Who sees which dashboard page, and whether they may change anything on it.
///
/// Owners and admins (and super admins crossing in) manage what their permissions allow. Members and viewers see every
/// page read-only. The billing role sees the overview, usage and billing only. An API key is not a person and has no
/// dashboard. The actions themselves are still checked against ``Permission`` by the services, as in the API.
package enum DashboardPolicy {
    package enum Mode: String, Hashable, Sendable {
        case hidden
        case readOnly
        case editable
    }

    private static let billingSections: Set<DashboardSection> = [.overview, .usage, .billing]

    package static func mode(of section: DashboardSection, for access: TenantAccess) -> Mode {
        switch access {
        case .crossTenantDenied, .disabled, .apiKey:
            return .hidden
        case .superAdminCrossing:
            return .editable
        case .member(let role):
            if role == .billing { return self.billingSections.contains(section) ? .readOnly : .hidden }
            guard let permission = section.managingPermission else { return .readOnly }
            return access.allows(permission) ? .editable : .readOnly
        }
    }

    /// The sections the navigation lists for `access`.
    package static func visibleSections(for access: TenantAccess) -> [DashboardSection] {
        DashboardSection.allCases.filter { self.mode(of: $0, for: access) != .hidden }
    }
}
