import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// `/api/organizations/{id}/api-keys`: keys for agents and automation, managed by the organization's admins.
struct APIKeyController {
    let apiKeys: APIKeyService
    let authorizer: OrganizationAuthorizer
    let body: JSONBodyReader

    func addRoutes(to routes: RouteRegistrar<AppRequestContext>) {
        routes.on(.get, ":id/api-keys", use: self.list)
        routes.on(.post, ":id/api-keys", use: self.create)
        routes.on(.delete, ":id/api-keys/:keyId", use: self.revoke)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<APIKeyListResponse> {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .manageAPIKeys)
        let page = try await self.apiKeys.list(in: TenantScope(organization), page: try QueryReader(request).page())
        return JSONResponse(APIKeyListResponse(apiKeys: page.items.map(APIKeyResponse.init), nextCursor: page.nextCursor))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<CreatedAPIKeyResponse> {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .manageAPIKeys)
        let user = try OrganizationAuthorizer.requireUser(context)
        let input = try await self.body.decode(CreateAPIKeyRequest.self, from: request, allowedFields: CreateAPIKeyRequest.fields)
        let created = try await self.apiKeys.create(
            in: TenantScope(organization), name: input.name, scopes: input.scopes, expiresAt: input.expiresAt, createdBy: user.id)
        return JSONResponse(CreatedAPIKeyResponse(apiKey: APIKeyResponse(created.key), key: created.secret), status: .created)
    }

    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<APIKeyResponse> {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .manageAPIKeys)
        guard let raw = context.parameters.get("keyId"), let id = APIKeyID(raw) else { throw ResourceError.notFound(APIKeyKind.resourceName) }
        return JSONResponse(APIKeyResponse(try await self.apiKeys.revoke(in: TenantScope(organization), id: id)))
    }
}
