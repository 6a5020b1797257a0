import CoordinaitorDomain
import Hummingbird

extension TenantRequestContext {
    /// The `requireFeature` guard: throws `403 feature_not_available` (naming the cheapest tier that has it) unless
    /// the organization's plan includes `feature`.
    ///
    /// ```swift
    /// try context.requireFeature(.webhooks)
    /// ```
    package func requireFeature(_ feature: Feature) throws {
        try self.tenant.plan.require(feature)
    }
}
