import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird
import Logging

/// Reads `Authorization: Bearer <token or API key>` or `X-API-Key: <API key>` and puts the caller in the context.
///
/// No credential leaves the principal empty (routes that need one answer 401); a credential that is not a valid token
/// of an active account, nor a usable API key, is refused here with 401.
package struct AuthenticationMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext

    private let tokens: any AccessTokenService
    private let identities: IdentityService
    private let apiKeys: APIKeyService

    package init(tokens: any AccessTokenService, identities: IdentityService, apiKeys: APIKeyService) {
        self.tokens = tokens
        self.identities = identities
        self.apiKeys = apiKeys
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let credential: String
        if let key = request.headers[.xAPIKey] {
            credential = key.trimmed
        } else if let authorization = request.headers[.authorization] {
            guard let token = Self.bearerToken(authorization) else { throw APIError.invalidCredential }
            credential = token
        } else {
            return try await next(request, context)
        }
        var context = context
        context.principal = try await self.principal(for: credential)
        if let principal = context.principal { AuditRequestContext.current?.actor = AuditActor(principal) }
        switch context.principal {
        case .user(let user): context.logger[metadataKey: "user.id"] = "\(user.id)"
        case .apiKey(let key): context.logger[metadataKey: "api_key.prefix"] = "\(key.prefix)"
        case nil: break
        }
        return try await next(request, context)
    }

    private func principal(for credential: String) async throws -> Principal {
        if credential.hasPrefix(APIKeyService.keyPrefix) {
            guard let key = try await self.apiKeys.authenticate(credential) else { throw APIError.invalidCredential }
            return .apiKey(key)
        }
        guard let userID = try? await self.tokens.verify(credential), let user = try await self.identities.user(id: userID),
            user.status == .active
        else {
            throw APIError.invalidCredential
        }
        return .user(user)
    }

    /// The token of a `Bearer` authorization, scheme compared case-insensitively.
    static func bearerToken(_ authorization: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmed
        return token.isEmpty ? nil : token
    }
}
