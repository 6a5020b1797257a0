import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Hummingbird
import Logging

/// Signs the caller in from the session cookie. An invalid or expired cookie is ignored (pages then ask to sign in).
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
        return try await next(request, context)
    }
}
