import CoordinaitorDomain
import Testing

/// The one cross-tenant read of the usage port: every organization's figures of a month, for the metrics.
extension StorageContract {
    /// Every organization comes back once, in id order, with its tier, status and the month's figures: capacities
    /// from `current`, quotas from the month's row only (not another month's); an organization without counters
    /// comes back with zeros.
    static func usageTotalsCoverEveryOrganization(_ store: any DataStore) async throws {
        let period = ContractLimits.period
        let acme = try await OwnedOrganization.make("acme", in: store)
        var quiet = ContractFixtures.organization("quiet", status: .suspended)
        quiet.tier = .enterprise
        quiet = try await store.organizations.create(quiet)
        let limits = ContractLimits.limited([.projects: 10, .storageBytes: 1_000_000, .tasksPerMonth: 10])
        _ = try await store.projects.create(in: acme.scope, ContractFixtures.project("p", in: acme.organization), limits: limits)
        try await store.usage.charge(in: acme.scope, [UsageCharge(.storageBytes, 4_096)], limits: limits)
        _ = try await store.usage.addAPICalls([acme.organization.id: 1_500], period: period)
        _ = try await store.usage.addAPICalls([acme.organization.id: 9], period: period.previous)

        let totals = try await store.usage.totals(for: period)
        #expect(totals.map(\.organizationID) == [acme.organization.id, quiet.id].sorted())
        let acmeTotals = try #require(totals.first { $0.organizationID == acme.organization.id })
        #expect(acmeTotals.subdomain == "acme")
        #expect(acmeTotals.tier == acme.organization.tier)
        #expect(acmeTotals.status == .active)
        #expect(acmeTotals.usage[.users] == 1)
        #expect(acmeTotals.usage[.projects] == 1)
        #expect(acmeTotals.usage[.storageBytes] == 4_096)
        #expect(acmeTotals.usage[.apiCallsPerMonth] == 1_500)
        #expect(acmeTotals.usage[.tasksPerMonth] == 0)
        let quietTotals = try #require(totals.first { $0.organizationID == quiet.id })
        #expect(quietTotals.tier == .enterprise)
        #expect(quietTotals.status == .suspended)
        #expect(quietTotals.usage == Dictionary(uniqueKeysWithValues: UsageMetric.allCases.map { ($0, Int64(0)) }))
    }
}
