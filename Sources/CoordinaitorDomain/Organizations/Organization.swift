import FoundationEssentials

/// A tenant: everything else in the system belongs to exactly one organization.
package struct Organization: Hashable, Sendable, Codable {
    package var id: OrganizationID
    /// Unique slug, such as `acme-corp`.
    package var name: String
    package var displayName: String
    /// Unique lower-case DNS label, such as `acme`.
    package var subdomain: String
    /// Optional unique custom domain, such as `acme.com`.
    package var domain: String?
    package var tier: Tier
    package var status: OrganizationStatus
    package var contactEmail: String
    package var settings: OrganizationSettings
    package var createdAt: Date
    package var updatedAt: Date
    package var createdBy: UserID?
    /// Exceptions to the tier's limits and features, set by super admins.
    package var planOverrides: PlanOverrides

    package init(
        id: OrganizationID,
        name: String,
        displayName: String,
        subdomain: String,
        domain: String?,
        tier: Tier,
        status: OrganizationStatus,
        contactEmail: String,
        settings: OrganizationSettings,
        createdAt: Date,
        updatedAt: Date,
        createdBy: UserID?,
        planOverrides: PlanOverrides = PlanOverrides()
    ) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.subdomain = subdomain
        self.domain = domain
        self.tier = tier
        self.status = status
        self.contactEmail = contactEmail
        self.settings = settings
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.createdBy = createdBy
        self.planOverrides = planOverrides
    }

    /// Throws `tenant_inactive` unless the organization may be served.
    package func requireActive() throws(TenancyError) {
        if let explanation = self.status.inactiveExplanation {
            throw TenancyError(code: .tenantInactive, message: "Organization '\(self.name)' is \(self.status.rawValue). \(explanation)")
        }
    }

    /// Every key under which a lookup could have found this organization: used to invalidate caches.
    package var lookupKeys: [TenantKey] {
        var keys: [TenantKey] = [.id(self.id), .slug(self.subdomain), .slug(self.name)]
        if let domain { keys.append(.domain(domain)) }
        return keys
    }
}

/// Typed per-organization settings (branding and such).
package struct OrganizationSettings: Hashable, Sendable, Codable {
    package struct Branding: Hashable, Sendable, Codable {
        package var logoURL: String?
        package var primaryColor: String?
        package var secondaryColor: String?

        package init(logoURL: String? = nil, primaryColor: String? = nil, secondaryColor: String? = nil) {
            self.logoURL = logoURL
            self.primaryColor = primaryColor
            self.secondaryColor = secondaryColor
        }
    }

    package var branding: Branding
    /// IANA time zone name used for display, such as `Europe/Paris`.
    package var timeZone: String?

    package init(branding: Branding = Branding(), timeZone: String? = nil) {
        self.branding = branding
        self.timeZone = timeZone
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.branding = try container.decodeIfPresent(Branding.self, forKey: .branding) ?? Branding()
        self.timeZone = try container.decodeIfPresent(String.self, forKey: .timeZone)
    }

    /// Checks colours and URLs so that what is stored can later be rendered safely.
    package func validate(into collector: inout ValidationCollector, field: String = "settings") {
        for (key, colour) in [("primaryColor", self.branding.primaryColor), ("secondaryColor", self.branding.secondaryColor)] {
            if let colour {
                collector.check(Self.isHexColour(colour), field: "\(field).branding.\(key)", "Must be a hex colour such as #1a2b3c.")
            }
        }
        if let logo = self.branding.logoURL {
            collector.check(
                (logo.hasPrefix("https://") || logo.hasPrefix("http://")) && logo.utf8.count <= 2048 && !logo.contains(where: \.isWhitespace),
                field: "\(field).branding.logoURL",
                "Must be an http(s) URL of at most 2048 characters."
            )
        }
        if let timeZone {
            collector.check(
                !timeZone.isEmpty && timeZone.utf8.count <= 64 && timeZone.allSatisfy { $0.isLetter || $0.isNumber || "/_+-".contains($0) },
                field: "\(field).timeZone",
                "Must be an IANA time zone name such as Europe/Paris."
            )
        }
    }

    private static func isHexColour(_ value: String) -> Bool {
        let digits = value.dropFirst()
        return value.first == "#" && (digits.count == 6 || digits.count == 3) && digits.allSatisfy(\.isHexDigit)
    }
}
