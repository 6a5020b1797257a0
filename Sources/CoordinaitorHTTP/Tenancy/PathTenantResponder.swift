import CoordinaitorDomain
import Hummingbird

/// Serves `/org/{key}/api/...` as `/api/...`, remembering `{key}` in the context: for every path under the path
/// strategy, and under the others for the web pages only (a browser cannot send a tenant header, and a central host
/// names no organization).
///
/// Routing happens inside the wrapped responder, so the route table is the same for every strategy; a path that does
/// not start with the prefix is passed on untouched (and finds no tenant on tenant routes), and so is a path with dot
/// segments, for ``DotSegmentMiddleware`` to refuse whole: `/org/../org/globex/...` must not become `/org/globex/...`.
package struct PathTenantResponder<Wrapped: HTTPResponder>: HTTPResponder where Wrapped.Context == AppRequestContext {
    package typealias Context = AppRequestContext

    private let wrapped: Wrapped
    private let isEnabled: Bool
    /// Path prefixes that take `/org/{key}` even when the path strategy is off.
    private let alwaysPrefixed: [String]

    package init(wrapping wrapped: Wrapped, isEnabled: Bool, alwaysPrefixed: [String] = []) {
        self.wrapped = wrapped
        self.isEnabled = isEnabled
        self.alwaysPrefixed = alwaysPrefixed
    }

    package func respond(to request: Request, context: Context) async throws -> Response {
        guard let path = request.head.path, !PathDotSegments.occur(in: path), let (key, remainder) = PathTenantPrefix.split(path),
            self.isEnabled || self.alwaysPrefixed.contains(where: { Self.isUnder($0, remainder) })
        else {
            return try await self.wrapped.respond(to: request, context: context)
        }
        var context = context
        context.pathTenantKey = key
        var head = request.head
        head.path = remainder
        return try await self.wrapped.respond(to: Request(head: head, body: request.body), context: context)
    }

    private static func isUnder(_ prefix: String, _ path: String) -> Bool {
        guard path.hasPrefix(prefix) else { return false }
        let rest = path.dropFirst(prefix.count)
        return rest.isEmpty || rest.first == "/" || rest.first == "?"
    }
}
