import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Foundation
import Hummingbird

extension DashboardPages {
    struct BillingPage: PageView {
        var chrome: PageChrome
        var tier: String
        var price: String
        var period: String
        var lines: [CostLine]
        var total: String
        var nextTier: NextTier?
        var usage: [UsageBar]
        var canRequestChange: Bool
    }

    struct CostLine: Sendable {
        var label: String
        var amount: String
    }

    /// What moving up one tier adds.
    struct NextTier: Sendable {
        var tier: String
        var price: String
        var features: [String]
        var limits: [String]
    }

    /// `GET /dashboard/billing`: the tier and its price, this month's estimated cost, and what the next tier adds.
    @Sendable func billing(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        let organization = caller.organization
        let report = try await self.services.usage.report(for: organization)
        let figures = Dictionary(uniqueKeysWithValues: report.lines.map { ($0.metric, $0.used) })
        let estimate = CostEstimate(tier: organization.tier, usage: figures)
        return try await self.render(.billing, caller: caller, request: request) { chrome in
            BillingPage(
                chrome: chrome,
                tier: Formatting.label(of: organization.tier),
                price: Formatting.money(cents: estimate.listPriceCents),
                period: Formatting.month(report.period),
                lines: [
                    CostLine(label: "\(Formatting.label(of: organization.tier)) plan", amount: Formatting.money(cents: estimate.listPriceCents)),
                    CostLine(label: "Storage (\(Formatting.bytes(figures[.storageBytes] ?? 0)))", amount: Formatting.money(cents: estimate.storageCents)),
                    CostLine(label: "API calls (\(Formatting.count(figures[.apiCallsPerMonth] ?? 0)))", amount: Formatting.money(cents: estimate.apiCallCents)),
                    CostLine(
                        label: "Agent executions (\(Formatting.count(figures[.agentExecutionsPerMonth] ?? 0)))",
                        amount: Formatting.money(cents: estimate.agentExecutionCents)),
                ],
                total: Formatting.money(cents: estimate.totalCents),
                nextTier: Self.nextTier(after: organization.tier),
                usage: report.lines.map(UsageBar.init),
                canRequestChange: caller.access.allows(.requestTierChange)
            )
        }
    }

    static func nextTier(after tier: Tier) -> NextTier? {
        let tiers = Tier.allCases
        guard let index = tiers.firstIndex(of: tier), index + 1 < tiers.count else { return nil }
        let current = TierCatalog.plan(for: tier)
        let next = TierCatalog.plan(for: tiers[index + 1])
        let limits = UsageMetric.allCases.compactMap { metric -> String? in
            let before = current.limits[metric]
            let after = next.limits[metric]
            guard before != after else { return nil }
            let text = { (value: Int64?) in value.map { Formatting.amount($0, of: metric) } ?? "unlimited" }
            return "\(metric.label): \(text(before)) → \(text(after))"
        }
        return NextTier(
            tier: Formatting.label(of: next.tier),
            price: Formatting.money(cents: Int64(next.monthlyPriceCents)),
            features: next.features.subtracting(current.features).sorted().map(Formatting.label(of:)),
            limits: limits
        )
    }
}
