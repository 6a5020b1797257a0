import CoordinaitorDomain
import Foundation
import Testing

@Suite("Organization naming and validation")
struct OrganizationRulesTests {
    @Test(arguments: ["acme", "acme-corp", "a", "a1", String(repeating: "a", count: 63)])
    func acceptsSubdomains(_ subdomain: String) {
        #expect(OrganizationNaming.subdomainProblem(subdomain) == nil)
    }

    @Test(arguments: ["www", "api", "admin", "app", "docs", "status", "mail", "Acme", "-acme", "acme-", "ac_me", "", "xn--80ak6aa92e",
                      String(repeating: "a", count: 64), "acme.corp"])
    func refusesSubdomains(_ subdomain: String) {
        #expect(OrganizationNaming.subdomainProblem(subdomain) != nil)
    }

    @Test(arguments: ["acme.com", "sub.acme.co.uk"])
    func acceptsDomains(_ domain: String) {
        #expect(OrganizationNaming.domainProblem(domain) == nil)
    }

    @Test(arguments: ["acme", "ACME.com", "acme.com.", "acme.com:80", "127.0.0.1", "acme..com", "ac me.com"])
    func refusesDomains(_ domain: String) {
        #expect(OrganizationNaming.domainProblem(domain) != nil)
    }

    @Test func validationNamesEveryBadField() {
        let draft = NewOrganization(
            name: "Acme Corp",
            displayName: "   ",
            subdomain: "www",
            domain: "nodot",
            contactEmail: "nobody",
            settings: OrganizationSettings(branding: .init(logoURL: "javascript:alert(1)", primaryColor: "red"))
        )
        #expect {
            try draft.validate()
        } throws: { error in
            let fields = Set((error as? ValidationError)?.issues.map(\.field) ?? [])
            return fields == ["name", "displayName", "subdomain", "domain", "contactEmail", "settings.branding.logoURL",
                              "settings.branding.primaryColor"]
        }
    }

    @Test func inactiveOrganizationsSayWhatToDo() throws {
        var organization = NewOrganization(name: "acme", displayName: "Acme", subdomain: "acme", contactEmail: "a@acme.com")
            .organization(id: OrganizationID(UUID()), at: Date(timeIntervalSince1970: 0), createdBy: nil)
        try organization.requireActive()
        for status in [OrganizationStatus.suspended, .pending, .cancelled] {
            organization.status = status
            #expect {
                try organization.requireActive()
            } throws: { error in
                guard let error = error as? TenancyError else { return false }
                return error.code == .tenantInactive && error.message.contains(status.rawValue)
            }
        }
    }

    @Test func filtersMatchWhatTheStoresSelect() {
        let draft = NewOrganization(name: "acme-corp", displayName: "Acme Corporation", subdomain: "acme", tier: .starter, contactEmail: "a@acme.test")
        let acme = draft.organization(id: OrganizationID(UUID()), at: Date(), createdBy: nil)
        #expect(OrganizationFilter().matches(acme))
        #expect(OrganizationFilter(status: .active, tier: .starter, search: "  CORP ").matches(acme))
        #expect(OrganizationFilter(search: "corporation").matches(acme))
        #expect(!OrganizationFilter(tier: .enterprise).matches(acme))
        #expect(!OrganizationFilter(status: .suspended).matches(acme))
        #expect(!OrganizationFilter(search: "globex").matches(acme))
    }

    /// Lengths count code points as sent, as the OpenAPI document's maxLength does: "é" written as e + U+0301 is two.
    @Test func nameLengthsCountCodePointsAsSent() {
        func problems(_ name: String) -> Bool {
            var collector = ValidationCollector()
            TextRules.checkName(name, field: "name", into: &collector)
            return (try? collector.throwIfAny()) == nil
        }
        #expect(!problems(String(repeating: "a", count: 200)))
        #expect(problems(String(repeating: "e\u{301}", count: 101)))
        #expect(problems("\u{0C}" + String(repeating: "a", count: 200)))
        #expect(problems("   "))
    }
}
