import CoordinaitorDomain
import Hummingbird

/// For the path strategy: serves `/org/{key}/api/...` as `/api/...`, remembering `{key}` in the context.
///
/// Routing happens inside the wrapped responder, so the route table is the same for every strategy; a path that does
/// not start with the prefix is passed on untouched (and finds no tenant on tenant routes).
package struct PathTenantResponder<Wrapped: HTTPResponder>: HTTPResponder where Wrapped.Context == AppRequestContext {
    package typealias Context = AppRequestContext

    private let wrapped: Wrapped
    private let isEnabled: Bool

    package init(wrapping wrapped: Wrapped, isEnabled: Bool) {
        self.wrapped = wrapped
        self.isEnabled = isEnabled
    }

    package func respond(to request: Request, context: Context) async throws -> Response {
        guard self.isEnabled, let path = request.head.path, let (key, remainder) = PathTenantPrefix.split(path) else {
            return try await self.wrapped.respond(to: request, context: context)
        }
        var context = context
        context.pathTenantKey = key
        var head = request.head
        head.path = remainder
        return try await self.wrapped.respond(to: Request(head: head, body: request.body), context: context)
    }
}
