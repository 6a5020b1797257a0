import CoordinaitorDomain

/// What the layout shows around every page: branding, navigation, the organization switcher and the signed-in user.
struct PageChrome: Sendable {
    struct Brand: Sendable {
        var name: String
        var logoURL: String?
        /// Hex colours, validated when stored (``OrganizationSettings/validate(into:field:)``), so safe in CSS.
        var primaryColor: String
        var secondaryColor: String

        static let platform = Brand(name: "CoordinAItor", logoURL: nil, primaryColor: "#1f4e8c", secondaryColor: "#0f766e")

        init(name: String, logoURL: String?, primaryColor: String, secondaryColor: String) {
            self.name = name
            self.logoURL = logoURL
            self.primaryColor = primaryColor
            self.secondaryColor = secondaryColor
        }

        init(_ organization: Organization) {
            let branding = organization.settings.branding
            self.name = organization.displayName
            self.logoURL = branding.logoURL
            self.primaryColor = branding.primaryColor ?? Self.platform.primaryColor
            self.secondaryColor = branding.secondaryColor ?? Self.platform.secondaryColor
        }
    }

    struct Link: Sendable {
        var title: String
        var href: String
        var isCurrent: Bool
        /// Shown with a lock: the tier lacks what the page needs.
        var isLocked: Bool = false
    }

    struct SignedInUser: Sendable {
        var name: String
        var email: String
        /// The user's role here, or "super admin" when crossing in.
        var role: String?
    }

    var title: String
    var brand: Brand
    var styleNonce: String
    var csrfToken: String
    /// `/org/{key}` when the organization is named in the path, else empty: prefixed to every dashboard link.
    var base: String
    var user: SignedInUser?
    var navigation: [Link] = []
    var organizations: [Link] = []
    var consoleLink: String?
    var notice: String?
    var error: String?
    var cssVersion: String
    var scriptVersion: String
    /// Stored, not computed: templates read values by reflection, which sees stored properties only.
    var hasOrganizations = false
}
