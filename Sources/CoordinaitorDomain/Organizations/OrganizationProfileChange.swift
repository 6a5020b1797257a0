/// What an organization's admins may change about it: display name, contact email and settings (branding, time zone).
///
/// The API's `PATCH /api/organizations/{id}` and the dashboard's settings form both apply changes through this, so
/// they share the validation and the tier gate on custom branding.
package struct OrganizationProfileChange: Hashable, Sendable {
    package var displayName: String?
    package var contactEmail: String?
    package var settings: OrganizationSettings?

    package init(displayName: String? = nil, contactEmail: String? = nil, settings: OrganizationSettings? = nil) {
        self.displayName = displayName
        self.contactEmail = contactEmail
        self.settings = settings
    }

    /// The organization with the change applied.
    /// - Throws: ``ValidationError`` listing every invalid field; ``FeatureNotAvailableError`` when the branding
    ///   changes and the organization's plan lacks custom branding.
    package func applied(to organization: Organization) throws -> Organization {
        var updated = organization
        var collector = ValidationCollector()
        if let displayName {
            TextRules.checkName(displayName, field: "displayName", into: &collector)
            updated.displayName = displayName.trimmed
        }
        if let contactEmail {
            collector.check(OrganizationNaming.isEmail(contactEmail), field: "contactEmail", "Must be an email address.")
            updated.contactEmail = contactEmail
        }
        if let settings {
            settings.validate(into: &collector)
            updated.settings = settings
        }
        try collector.throwIfAny()
        if updated.settings.branding != organization.settings.branding {
            try organization.plan.require(.customBranding)
        }
        return updated
    }
}
