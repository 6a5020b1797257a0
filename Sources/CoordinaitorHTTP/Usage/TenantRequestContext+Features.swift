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

/// The `requireFeature` guard as a middleware, for a group of tenant routes that all need one feature.
package struct RequireFeatureMiddleware: RouterMiddleware {
    package typealias Context = TenantRequestContext
    private let feature: Feature

    package init(_ feature: Feature) {
        self.feature = feature
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try context.requireFeature(self.feature)
        return try await next(request, context)
    }
}
