import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// `/api/webhooks`: the organization's webhooks and their deliveries. Settings: owners and admins only
/// (`manageWebhooks`); creating one needs the professional tier or above.
struct WebhookController {
    let webhooks: WebhookService
    let body: JSONBodyReader

    func addRoutes(to routes: RouteRegistrar<TenantRequestContext>) {
        routes.on(.get, "webhooks", use: self.list)
        routes.on(.post, "webhooks", use: self.create)
        routes.on(.get, "webhooks/:id", use: self.get)
        routes.on(.delete, "webhooks/:id", use: self.delete)
        routes.on(.get, "webhooks/:id/deliveries", use: self.deliveries)
    }

    @Sendable func list(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<WebhookListResponse> {
        try Self.authorize(context)
        let page = try await self.webhooks.list(in: context.scope, page: try QueryReader(request).page())
        return JSONResponse(WebhookListResponse(webhooks: page.items.map(WebhookResponse.init), nextCursor: page.nextCursor))
    }

    @Sendable func create(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<CreatedWebhookResponse> {
        try Self.authorize(context)
        // The plan is checked before the body is read: a tier without webhooks learns that first, whatever it sent.
        try context.requireFeature(.webhooks)
        let input = try await self.body.decode(CreateWebhookRequest.self, from: request, allowedFields: CreateWebhookRequest.fields)
        let created = try await self.webhooks.create(in: context.tenant, input.draft)
        return JSONResponse(CreatedWebhookResponse(webhook: WebhookResponse(created.webhook), secret: created.secret), status: .created)
    }

    @Sendable func get(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<WebhookResponse> {
        try Self.authorize(context)
        return JSONResponse(WebhookResponse(try await self.webhooks.get(in: context.scope, id: try context.resourceID(WebhookID.self))))
    }

    @Sendable func delete(_ request: Request, context: TenantRequestContext) async throws -> NoContent {
        try Self.authorize(context)
        try await self.webhooks.delete(in: context.scope, id: try context.resourceID(WebhookID.self))
        return NoContent()
    }

    @Sendable func deliveries(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<WebhookDeliveryListResponse> {
        try Self.authorize(context)
        let id = try context.resourceID(WebhookID.self)
        let page = try await self.webhooks.deliveries(in: context.scope, webhookID: id, page: try QueryReader(request).page())
        return JSONResponse(WebhookDeliveryListResponse(deliveries: page.items.map(WebhookDeliveryResponse.init), nextCursor: page.nextCursor))
    }

    /// Webhooks send the organization's events to any URL: they are settings, not resources members may change.
    private static func authorize(_ context: TenantRequestContext) throws {
        guard context.access.allows(.manageWebhooks) else { throw APIError.permissionDenied("managing webhooks") }
    }
}
