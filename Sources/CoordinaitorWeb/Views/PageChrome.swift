import CoordinaitorDomain
import Foundation

/// What the layout shows around every page: branding, navigation, the organization switcher and the signed-in user.
struct PageChrome: Sendable {
    struct Brand: Sendable {
        var name: String
        var logoURL: String?
        /// Hex colours, validated when stored (``OrganizationSettings/validate(into:field:)``), so safe in CSS.
        var primaryColor: String
        var secondaryColor: String
        /// Black or white, whichever reads better on the primary colour (any colour may be chosen as primary).
        var onPrimaryColor: String

        static let platform = Brand(name: "CoordinAItor", logoURL: nil, primaryColor: "#1f4e8c", secondaryColor: "#0f766e")

        init(name: String, logoURL: String?, primaryColor: String, secondaryColor: String) {
            self.name = name
            self.logoURL = logoURL
            self.primaryColor = primaryColor
            self.secondaryColor = secondaryColor
            self.onPrimaryColor = Self.readableText(on: primaryColor)
        }

        init(_ organization: Organization) {
            let branding = organization.settings.branding
            self.name = organization.displayName
            self.logoURL = branding.logoURL
            self.primaryColor = branding.primaryColor ?? Self.platform.primaryColor
            self.secondaryColor = branding.secondaryColor ?? Self.platform.secondaryColor
            self.onPrimaryColor = Self.readableText(on: self.primaryColor)
        }

        /// `#ffffff` or `#111111` by the WCAG contrast ratio against `background` (`#rgb` or `#rrggbb`).
        static func readableText(on background: String) -> String {
            var digits = Array(background.dropFirst())
            if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
            guard digits.count == 6 else { return "#ffffff" }
            let channels = stride(from: 0, to: 6, by: 2).map { index -> Double in
                let value = Double(Int(String(digits[index...index + 1]), radix: 16) ?? 0) / 255
                return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
            }
            let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
            let contrastWithWhite = 1.05 / (luminance + 0.05)
            let contrastWithDark = (luminance + 0.05) / (0.0065 + 0.05)
            return contrastWithWhite >= contrastWithDark ? "#ffffff" : "#111111"
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
