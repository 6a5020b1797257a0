import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting

extension ServerComponents {
    /// Records usage directly, as if it had happened earlier this month: how tests reach limits in the tens of thousands
    /// without making that many requests. The requests that follow go through the real checks.
    func recordUsage(_ metric: UsageMetric, _ amount: Int64, for organization: Organization) async throws {
        let period = UsagePeriod(containing: self.services.time.now())
        try await self.services.store.usage.charge(
            in: TenantScope(organization),
            [UsageCharge(metric, amount)],
            limits: .unlimited(in: period)
        )
    }

    /// Replaces the organization's plan overrides (what a super admin does through the API) and returns it fresh.
    func setOverrides(_ overrides: PlanOverrides, of organization: Organization) async throws -> Organization {
        try await self.services.organizations.update(organization.id) { current in
            var changed = current
            changed.planOverrides = overrides
            return changed
        }
    }
}

extension TestResponse {
    /// A numeric member of a JSON body.
    func number(_ key: String) throws -> Double? {
        guard case .number(let value) = try self.json[key] else { return nil }
        return value
    }
}

extension JSONValue {
    var number: Double? {
        guard case .number(let value) = self else { return nil }
        return value
    }
}

extension HTTPField.Name {
    static let rateLimitPolicyField = HTTPField.Name("RateLimit-Policy")!
    static let rateLimitField = HTTPField.Name("RateLimit")!
    static let usageWarningField = HTTPField.Name("Usage-Warning")!
}
