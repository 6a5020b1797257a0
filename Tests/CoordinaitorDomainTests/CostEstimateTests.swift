import CoordinaitorDomain
import Foundation
import Testing

@Suite("Cost estimates")
struct CostEstimateTests {
    @Test(arguments: [(Tier.free, Int64(0)), (.starter, 2_900), (.professional, 9_900), (.enterprise, 49_900)])
    func withoutUsageTheEstimateIsTheTiersListPrice(tier: Tier, price: Int64) {
        let estimate = CostEstimate(tier: tier, usage: [:])
        #expect(estimate.listPriceCents == price)
        #expect(estimate.meteredCents == 0)
        #expect(estimate.totalCents == price)
    }

    @Test func meteredUsageIsPricedAtTheStandardRates() {
        let estimate = CostEstimate(
            tier: .starter,
            usage: [.storageBytes: 3 << 30, .apiCallsPerMonth: 25_000, .agentExecutionsPerMonth: 40, .tasksPerMonth: 900, .projects: 7]
        )
        #expect(estimate.storageCents == 30)  // 3 GiB at 10 ¢
        #expect(estimate.apiCallCents == 25)  // 25 thousand calls at 1 ¢
        #expect(estimate.agentExecutionCents == 80)  // 40 executions at 2 ¢
        #expect(estimate.totalCents == 2_900 + 30 + 25 + 80)
    }

    @Test func eachLineIsRoundedHalfUpToTheCent() {
        #expect(CostEstimate(tier: .free, usage: [.apiCallsPerMonth: 499]).apiCallCents == 0)
        #expect(CostEstimate(tier: .free, usage: [.apiCallsPerMonth: 500]).apiCallCents == 1)
        #expect(CostEstimate(tier: .free, usage: [.apiCallsPerMonth: 1_499]).apiCallCents == 1)
        // 1.5 GiB at 10 ¢ is 15 ¢; just over 0.05 GiB is over half a cent and rounds up, just under it rounds down.
        #expect(CostEstimate(tier: .free, usage: [.storageBytes: 3 << 29]).storageCents == 15)
        #expect(CostEstimate(tier: .free, usage: [.storageBytes: (1 << 30) / 20 + 1]).storageCents == 1)
        #expect(CostEstimate(tier: .free, usage: [.storageBytes: (1 << 30) / 20]).storageCents == 0)
    }

    @Test func otherRatesCanBeGiven() {
        let rates = CostEstimate.Rates(storageCentsPerGiBMonth: 25, apiCallCentsPerThousand: 4, agentExecutionCents: 0)
        let estimate = CostEstimate(tier: .free, usage: [.storageBytes: 2 << 30, .apiCallsPerMonth: 2_000, .agentExecutionsPerMonth: 9], rates: rates)
        #expect(estimate.totalCents == 50 + 8)
    }

    @Test func absurdQuantitiesSaturateInsteadOfOverflowing() {
        let estimate = CostEstimate(tier: .enterprise, usage: [.storageBytes: .max, .apiCallsPerMonth: .max, .agentExecutionsPerMonth: .max])
        #expect(estimate.totalCents > 0)
        #expect(CostEstimate(tier: .free, usage: [.apiCallsPerMonth: -5]).apiCallCents == 0)
    }

    @Test func totalsAreAssembledPerOrganizationFromTheJoinedRows() throws {
        let period = try #require(UsagePeriod(year: 2026, month: 3))
        let acme = OrganizationID(UUID())
        let quiet = OrganizationID(UUID())
        func row(_ id: OrganizationID, _ counter: UsageCounter?) -> OrganizationUsageTotals.JoinedRow {
            .init(organizationID: id, subdomain: id == acme ? "acme" : "quiet", tier: .starter, status: .active, counter: counter)
        }
        let totals = OrganizationUsageTotals.assemble(
            [
                row(acme, UsageCounter(metric: .projects, period: UsageCounterPeriod.current, used: 4)),
                row(acme, UsageCounter(metric: .projects, period: "2026-03", used: 3)),
                row(acme, UsageCounter(metric: .apiCallsPerMonth, period: "2026-03", used: 2_000)),
                row(quiet, nil),
            ],
            period: period
        )
        #expect(totals.map(\.organizationID) == [acme, quiet])
        #expect(totals[0].usage[.projects] == 4)
        #expect(totals[0].usage[.apiCallsPerMonth] == 2_000)
        #expect(totals[0].costEstimate.totalCents == 2_900 + 2)
        #expect(totals[1].usage.values.allSatisfy { $0 == 0 })
        #expect(totals[1].usage.count == UsageMetric.allCases.count)
    }
}
