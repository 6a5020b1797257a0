import CoordinaitorDomain
import Hummingbird

/// Refuses a path with a `.` or `..` segment (raw or percent-encoded) with 400 `invalid_path`, before any route's own
/// middleware runs: no route is served for a path that a proxy or a log reader would read differently.
///
/// The refusal is an access decision (`access.invalid_path` in the platform's audit log): a client that sends such a
/// path is probing, not browsing.
struct DotSegmentMiddleware<Context: RequestContext>: RouterMiddleware {
    static var problemCode: String { "invalid_path" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let path = request.head.path, PathDotSegments.occur(in: path) {
            throw APIError(
                status: .badRequest,
                code: Self.problemCode,
                detail: "The path has a '.' or '..' segment. Send the path with dot segments removed (RFC 3986, section 5.2.4)."
            )
        }
        return try await next(request, context)
    }
}
