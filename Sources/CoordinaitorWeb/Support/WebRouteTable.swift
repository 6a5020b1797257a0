import CoordinaitorHTTP
import Hummingbird
import Synchronization

/// Every web page and form route, recorded as it is added, so the isolation tests can try each one from the other side.
package final class WebRouteTable: Sendable {
    package enum Area: String, Sendable {
        /// Sign-in and sign-out: no session needed.
        case session
        /// Signed in, about no organization in particular (accepting an invitation).
        case account
        /// An organization's dashboard: a member (or a super admin) of the resolved organization.
        case dashboard
        /// The platform console: super admins only.
        case console
    }

    package struct Route: Hashable, Sendable, CustomStringConvertible {
        package var method: String
        /// The path template, such as `/dashboard/members/{userId}/role`.
        package var path: String
        package var area: Area

        package var description: String { "\(self.method) \(self.path)" }

        /// The names of the path's `{parameters}`.
        package var parameters: [String] {
            self.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
        }
    }

    private let storage = Mutex<[Route]>([])

    package init() {}

    package var routes: [Route] { self.storage.withLock { $0 } }

    func record(_ route: Route) {
        self.storage.withLock { $0.append(route) }
    }
}

/// Adds web routes to a group and records them in the ``WebRouteTable``.
struct WebRouteRegistrar {
    let group: RouterGroup<AppRequestContext>
    let prefix: String
    let area: WebRouteTable.Area
    let table: WebRouteTable

    func get(_ path: String, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response) {
        self.on(.get, path, use: handler)
    }

    func post(_ path: String, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response) {
        self.on(.post, path, use: handler)
    }

    private func on(_ method: HTTPRequest.Method, _ path: String, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response) {
        let template = ([self.prefix] + path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) })
            .filter { !$0.isEmpty }.joined(separator: "/")
        self.table.record(.init(method: method.rawValue, path: "/" + template, area: self.area))
        self.group.on(RouterPath(path), method: method, use: handler)
    }
}
