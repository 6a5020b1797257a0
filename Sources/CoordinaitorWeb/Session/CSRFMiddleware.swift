import CoordinaitorHTTP
import Hummingbird

/// Refuses any form that does not carry this session's CSRF token.
///
/// Every method but GET and HEAD must come from a page of this site: a cross-origin `Origin` is refused, and the form's
/// `_csrf` must match the session's token (or, before sign-in, the sign-in cookie). The form's body is read here and
/// handed on, so handlers read it again.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }

        guard Self.isSameOrigin(request) else { throw WebError.csrfRefused }
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            throw WebError(status: .unsupportedMediaType, message: "Forms are sent as application/x-www-form-urlencoded.")
        }
        let body = try await request.body.collect(upTo: FormFields.maximumSize)
        let form = FormFields(encoded: String(buffer: body))
        let expected = context.sessionToken.map(CSRFToken.forSession) ?? request.cookies[SessionCookies.signInName]?.value
        guard let expected, !expected.isEmpty, CSRFToken.matches(form[CSRFToken.fieldName], expected) else {
            throw WebError.csrfRefused
        }
        var forwarded = request
        forwarded.body = RequestBody(buffer: body)
        return try await next(forwarded, context)
    }

    /// Browsers send `Origin` with every form post; when it is there, its host must be the one the form was posted to.
    static func isSameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        guard origin != "null", let host = request.headers[.host] ?? request.head.authority else { return false }
        let originHost = origin.split(separator: "://", maxSplits: 1).last.map(String.init) ?? ""
        return originHost.lowercased() == host.lowercased()
    }
}
