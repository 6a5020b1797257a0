import CoordinaitorDomain

/// An organization as the API shows it.
struct OrganizationResponse: Encodable, Sendable {
    struct Settings: Encodable, Sendable {
        struct Branding: Encodable, Sendable {
            var logoURL: String?
            var primaryColor: String?
            var secondaryColor: String?
        }

        var branding: Branding
        var timeZone: String?
    }

    var id: String
    var name: String
    var displayName: String
    var subdomain: String
    var domain: String?
    var tier: String
    var status: String
    var contactEmail: String
    var settings: Settings
    var createdAt: String
    var updatedAt: String
    var createdBy: String?
    /// Features, limits and rate limit in force: the tier's, with the organization's overrides.
    var plan: PlanResponse

    init(_ organization: Organization) {
        self.id = organization.id.description
        self.name = organization.name
        self.displayName = organization.displayName
        self.subdomain = organization.subdomain
        self.domain = organization.domain
        self.tier = organization.tier.rawValue
        self.status = organization.status.rawValue
        self.contactEmail = organization.contactEmail
        let branding = organization.settings.branding
        self.settings = Settings(
            branding: .init(logoURL: branding.logoURL, primaryColor: branding.primaryColor, secondaryColor: branding.secondaryColor),
            timeZone: organization.settings.timeZone
        )
        self.createdAt = Timestamp.format(organization.createdAt)
        self.updatedAt = Timestamp.format(organization.updatedAt)
        self.createdBy = organization.createdBy?.description
        self.plan = PlanResponse(organization)
    }
}

struct OrganizationListResponse: Encodable, Sendable {
    var organizations: [OrganizationResponse]
    var nextCursor: String?
}

/// The seed's example body: `{"name":"acme-corp","displayName":"Acme Corporation","subdomain":"acme","tier":"professional","contactEmail":"admin@acme.com"}`.
struct CreateOrganizationRequest: Decodable {
    static let fields: Set<String> = ["name", "displayName", "subdomain", "domain", "tier", "contactEmail", "settings"]
    var draft: NewOrganization

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.draft = NewOrganization(
            name: try container.decode(String.self, forKey: "name"),
            displayName: try container.decode(String.self, forKey: "displayName"),
            subdomain: try container.decode(String.self, forKey: "subdomain"),
            domain: try container.decodeIfPresent(String.self, forKey: "domain"),
            tier: try container.decodeChoiceIfPresent(Tier.self, forKey: "tier") ?? .free,
            contactEmail: try container.decode(String.self, forKey: "contactEmail"),
            settings: try container.decodeIfPresent(OrganizationSettings.self, forKey: "settings") ?? OrganizationSettings()
        )
    }
}

/// What an organization's admins may change: never tier, status, limits or addressing.
struct UpdateOrganizationRequest: Decodable {
    static let fields: Set<String> = ["displayName", "contactEmail", "settings"]
    var displayName: String?
    var contactEmail: String?
    var settings: OrganizationSettings?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.displayName = try container.decodeNonNullIfPresent(String.self, forKey: "displayName")
        self.contactEmail = try container.decodeNonNullIfPresent(String.self, forKey: "contactEmail")
        self.settings = try container.decodeNonNullIfPresent(OrganizationSettings.self, forKey: "settings")
    }

    func applied(to organization: Organization) throws -> Organization {
        try OrganizationProfileChange(displayName: self.displayName, contactEmail: self.contactEmail, settings: self.settings)
            .applied(to: organization)
    }
}
