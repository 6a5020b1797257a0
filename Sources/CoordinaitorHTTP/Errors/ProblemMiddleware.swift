import Hummingbird
import Logging

/// Turns every error into a problem response, so no client ever sees an internal message.
///
/// Known errors become their problem; anything else is logged with the request id and answered with a generic 500.
package struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    package init() {}

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            throw Self.problem(for: error, logger: context.logger)
        }
    }

    /// The problem for `error`, logging the ones that are the server's fault.
    package static func problem(for error: any Error, logger: Logger) -> APIError {
        if let problem = APIError(translating: error) { return problem }
        logger.error("Unhandled error", metadata: ["error.type": "\(type(of: error))", "error": "\(String(reflecting: error))"])
        return APIError(status: .internalServerError, code: "internal_error", detail: "The server could not complete the request.")
    }
}
