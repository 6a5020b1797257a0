import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Hummingbird
import Logging

/// Signs the caller in from the session cookie, and refuses any form that does not carry this session's CSRF token.
///
/// An invalid or expired cookie is ignored (the page then asks to sign in). Every method but GET and HEAD must come
/// from a page of this site: a cross-origin `Origin` is refused, and the form's `_csrf` must match the session's token
/// (or, before sign-in, the sign-in cookie). The form's body is read here and handed on, so handlers read it again.
struct WebSessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let tokens: any AccessTokenService
    let identities: IdentityService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[SessionCookies.sessionName]?.value, !token.isEmpty,
            let userID = try? await self.tokens.verify(token),
            let user = try await self.identities.user(id: userID), user.status == .active
        {
            context.principal = .user(user)
            context.sessionToken = token
            context.logger[metadataKey: "user.id"] = "\(user.id)"
            AuditRequestContext.current?.actor = AuditActor(.user(user))
        }
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
