import FoundationEssentials

/// What is needed to create an organization, validated before anything is stored.
package struct NewOrganization: Hashable, Sendable {
    package var name: String
    package var displayName: String
    package var subdomain: String
    package var domain: String?
    package var tier: Tier
    package var status: OrganizationStatus
    package var contactEmail: String
    package var settings: OrganizationSettings

    package init(
        name: String,
        displayName: String,
        subdomain: String,
        domain: String? = nil,
        tier: Tier = .free,
        status: OrganizationStatus = .active,
        contactEmail: String,
        settings: OrganizationSettings = OrganizationSettings()
    ) {
        self.name = name
        self.displayName = displayName
        self.subdomain = subdomain
        self.domain = domain
        self.tier = tier
        self.status = status
        self.contactEmail = contactEmail
        self.settings = settings
    }

    /// Checks every field and reports all problems at once.
    package func validate() throws(ValidationError) {
        var collector = ValidationCollector()
        if let problem = OrganizationNaming.nameProblem(self.name) { collector.add(field: "name", problem) }
        if let problem = OrganizationNaming.subdomainProblem(self.subdomain) { collector.add(field: "subdomain", problem) }
        if let domain, let problem = OrganizationNaming.domainProblem(domain) { collector.add(field: "domain", problem) }
        let display = self.displayName.trimmed
        collector.check(!display.isEmpty && display.count <= 200, field: "displayName", "Must be 1 to 200 characters.")
        collector.check(OrganizationNaming.isEmail(self.contactEmail), field: "contactEmail", "Must be an email address.")
        self.settings.validate(into: &collector)
        try collector.throwIfAny()
    }

    /// The organization as it is stored, once validated.
    package func organization(id: OrganizationID, at now: Date, createdBy: UserID?) -> Organization {
        Organization(
            id: id,
            name: self.name,
            displayName: self.displayName.trimmed,
            subdomain: self.subdomain,
            domain: self.domain,
            tier: self.tier,
            status: self.status,
            contactEmail: self.contactEmail,
            settings: self.settings,
            createdAt: now,
            updatedAt: now,
            createdBy: createdBy
        )
    }
}
