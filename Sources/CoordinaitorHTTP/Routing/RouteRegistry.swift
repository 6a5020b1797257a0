import Hummingbird
import Synchronization

/// Every route the API registers, recorded as it is added, so tests can hold the route table against the OpenAPI
/// document (and, later, against the isolation suite).
package final class RouteRegistry: Sendable {
    package struct Route: Hashable, Sendable, Comparable, CustomStringConvertible {
        package var method: String
        /// The path template in OpenAPI form, such as `/api/tasks/{id}`.
        package var path: String
        /// Whether the route needs a resolved organization.
        package var isTenantRoute: Bool

        package var description: String { "\(self.method) \(self.path)" }

        package static func < (lhs: Route, rhs: Route) -> Bool { (lhs.path, lhs.method) < (rhs.path, rhs.method) }
    }

    private let storage = Mutex<[Route]>([])

    package init() {}

    package var routes: [Route] { self.storage.withLock { $0.sorted() } }

    func record(_ route: Route) {
        self.storage.withLock { $0.append(route) }
    }
}

/// Adds routes to a router group and records them in a ``RouteRegistry``. Controllers register through it only.
package struct RouteRegistrar<Context: RequestContext> {
    private let group: RouterGroup<Context>
    private let prefix: String
    private let registry: RouteRegistry
    private let isTenantRoute: Bool

    package init(group: RouterGroup<Context>, prefix: String, registry: RouteRegistry, isTenantRoute: Bool) {
        self.group = group
        self.prefix = prefix
        self.registry = registry
        self.isTenantRoute = isTenantRoute
    }

    /// Registers `handler` for `method` at `path` (Hummingbird syntax, `:id` for parameters).
    package func on(
        _ method: HTTPRequest.Method,
        _ path: String,
        use handler: @escaping @Sendable (Request, Context) async throws -> some ResponseGenerator
    ) {
        let template = (self.prefix + (path.isEmpty ? "" : "/" + path))
            .split(separator: "/")
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
        self.registry.record(.init(method: method.rawValue, path: "/" + template, isTenantRoute: self.isTenantRoute))
        self.group.on(RouterPath(path), method: method, use: handler)
    }
}
