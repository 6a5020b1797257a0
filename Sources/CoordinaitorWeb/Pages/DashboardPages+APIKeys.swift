import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Foundation
import Hummingbird

extension DashboardPages {
    struct APIKeysPage: PageView {
        var chrome: PageChrome
        var keys: [KeyRow]
        var canEdit: Bool
        var locked: LockedFeature?
        var scopes: [String]
        var created: CreatedSecret?
    }

    struct KeyRow: Sendable {
        var id: String
        var name: String
        var prefix: String
        var scopes: String
        var created: String
        var lastUsed: String
        var expires: String
        var isRevoked: Bool
    }

    /// A secret shown once, right after it was made.
    struct CreatedSecret: Sendable {
        var name: String
        var secret: String
    }

    /// `GET /dashboard/api-keys`.
    @Sendable func apiKeys(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        return try await self.showingOnce(.apiKey, request) { revealed in
            try await self.apiKeysPage(request, caller: caller, created: revealed.map { CreatedSecret(name: $0.label, secret: $0.secret) })
        }
    }

    private func apiKeysPage(
        _ request: Request, caller: DashboardCaller, status: HTTPResponse.Status = .ok, error: String? = nil, created: CreatedSecret? = nil
    ) async throws -> Response {
        let keys = try await self.services.apiKeys.list(in: TenantScope(caller.organization), page: Self.pageSize).items
        let locked = LockedFeature(.apiAccess, plan: caller.organization.plan)
        return try await self.render(.apiKeys, caller: caller, request: request, status: status, error: error) { chrome in
            APIKeysPage(
                chrome: chrome,
                keys: keys.map { key in
                    KeyRow(
                        id: key.id.description,
                        name: key.name,
                        prefix: key.prefix,
                        scopes: key.scopes.map(\.rawValue).sorted().joined(separator: ", "),
                        created: Formatting.day(key.createdAt),
                        lastUsed: key.lastUsedAt.map(Formatting.timestamp) ?? "never",
                        expires: key.expiresAt.map(Formatting.day) ?? "never",
                        isRevoked: key.revokedAt != nil
                    )
                },
                canEdit: caller.mode(of: .apiKeys) == .editable && locked == nil,
                locked: locked,
                scopes: APIKeyScope.allCases.map(\.rawValue),
                created: created
            )
        }
    }

    /// `POST /dashboard/api-keys`: name, scopes (checkboxes) and an optional lifetime in days.
    @Sendable func createAPIKey(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        try caller.requireEditable(.apiKeys)
        let form = try await FormFields.read(request)
        let scopes = Set(APIKeyScope.allCases.filter { form["scope-\($0.rawValue)"] != nil })
        do {
            try caller.organization.plan.require(.apiAccess)
            var expiresAt: Date?
            if let days = form.text("expiresInDays") {
                guard let count = Int(days), (1...3650).contains(count) else {
                    throw ValidationError([.init(field: "expiresInDays", message: "Must be a number of days from 1 to 3650.")])
                }
                expiresAt = self.services.time.now().addingTimeInterval(Double(count) * 86_400)
            }
            let created = try await self.services.apiKeys.create(
                in: TenantScope(caller.organization), name: form["name"] ?? "", scopes: scopes, expiresAt: expiresAt, createdBy: caller.user.id)
            let secret = RevealedSecret(kind: .apiKey, label: created.key.name, secret: created.secret)
            return self.done(caller, .apiKeys, .keyCreated, revealing: secret, request: request)
        } catch {
            let (status, message) = WebErrorMiddleware.describe(error, logger: context.logger)
            return try await self.apiKeysPage(request, caller: caller, status: status, error: message)
        }
    }

    /// `POST /dashboard/api-keys/{keyId}/revoke`.
    @Sendable func revokeAPIKey(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        try caller.requireEditable(.apiKeys)
        guard let id = context.parameters.get("keyId").flatMap(APIKeyID.init) else { throw WebError.notFound }
        _ = try await self.services.apiKeys.revoke(in: TenantScope(caller.organization), id: id)
        return self.done(caller, .apiKeys, .keyRevoked)
    }
}
