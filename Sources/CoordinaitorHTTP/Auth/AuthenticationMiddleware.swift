import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird
import Logging

/// Reads `Authorization: Bearer <token>` and puts the signed-in user in the context.
///
/// No header leaves the identity empty (routes that need one answer 401); a header that does not hold a valid token
/// for an active account is refused here with 401.
package struct AuthenticationMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext

    private let tokens: any AccessTokenService
    private let identities: IdentityService

    package init(tokens: any AccessTokenService, identities: IdentityService) {
        self.tokens = tokens
        self.identities = identities
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authorization = request.headers[.authorization] else { return try await next(request, context) }
        guard let token = Self.bearerToken(authorization), let userID = try? await self.tokens.verify(token),
            let user = try await self.identities.user(id: userID), user.status == .active
        else {
            throw APIError.invalidCredential
        }
        var context = context
        context.identity = user
        context.logger[metadataKey: "user.id"] = "\(user.id)"
        return try await next(request, context)
    }

    /// The token of a `Bearer` authorization, scheme compared case-insensitively.
    static func bearerToken(_ authorization: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmed
        return token.isEmpty ? nil : token
    }
}
