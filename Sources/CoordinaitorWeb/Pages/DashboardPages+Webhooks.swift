import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Hummingbird

extension DashboardPages {
    struct WebhooksPage: PageView {
        var chrome: PageChrome
        var webhooks: [WebhookRow]
        var canEdit: Bool
        var locked: LockedFeature?
        var events: [String]
        var created: CreatedSecret?
    }

    struct WebhookRow: Sendable {
        var id: String
        var url: String
        var description: String?
        var events: String
        var isActive: Bool
        var created: String
    }

    /// `GET /dashboard/webhooks`.
    @Sendable func webhooks(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        return try await self.showingOnce(.webhook, request) { revealed in
            try await self.webhooksPage(request, caller: caller, created: revealed.map { CreatedSecret(name: $0.label, secret: $0.secret) })
        }
    }

    private func webhooksPage(
        _ request: Request, caller: DashboardCaller, status: HTTPResponse.Status = .ok, error: String? = nil, created: CreatedSecret? = nil
    ) async throws -> Response {
        let webhooks = try await self.services.webhooks.list(in: TenantScope(caller.organization), page: Self.pageSize).items
        let locked = LockedFeature(.webhooks, plan: caller.organization.plan)
        return try await self.render(.webhooks, caller: caller, request: request, status: status, error: error) { chrome in
            WebhooksPage(
                chrome: chrome,
                webhooks: webhooks.map {
                    WebhookRow(
                        id: $0.id.description, url: $0.url, description: $0.description, events: $0.events.map(\.rawValue).sorted().joined(separator: ", "),
                        isActive: $0.active, created: Formatting.day($0.createdAt))
                },
                canEdit: caller.mode(of: .webhooks) == .editable && locked == nil,
                locked: locked,
                events: WebhookEventType.allCases.map(\.rawValue),
                created: created
            )
        }
    }

    /// `POST /dashboard/webhooks`: URL, events (checkboxes) and a description; the signing secret is shown once.
    @Sendable func createWebhook(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        try caller.requireEditable(.webhooks)
        let form = try await FormFields.read(request)
        let events = Set(WebhookEventType.allCases.filter { form["event-\($0.rawValue)"] != nil })
        do {
            let created = try await self.services.webhooks.create(
                in: caller.organization, NewWebhook(url: form.text("url") ?? "", events: events, description: form.text("description")))
            let secret = RevealedSecret(kind: .webhook, label: created.webhook.url, secret: created.secret)
            return self.done(caller, .webhooks, .webhookCreated, revealing: secret, request: request)
        } catch {
            let (status, message) = WebErrorMiddleware.describe(error, logger: context.logger)
            return try await self.webhooksPage(request, caller: caller, status: status, error: message)
        }
    }

    /// `POST /dashboard/webhooks/{webhookId}/delete`.
    @Sendable func deleteWebhook(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        try caller.requireEditable(.webhooks)
        guard let id = context.parameters.get("webhookId").flatMap(WebhookID.init) else { throw WebError.notFound }
        try await self.services.webhooks.delete(in: TenantScope(caller.organization), id: id)
        return self.done(caller, .webhooks, .webhookDeleted)
    }
}
