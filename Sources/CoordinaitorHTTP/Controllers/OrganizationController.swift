import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// `/api/organizations`: create organizations, list the caller's (all of them for super admins), read and change one.
///
/// Central routes: they work without a tenant. When the request does name a tenant (its host, header or path), an
/// `{id}` of any other organization is refused as a cross-tenant attempt, so the tenant in the URL cannot be used to
/// reach another one.
struct OrganizationController {
    let organizations: OrganizationService
    let identities: IdentityService
    let tenants: TenantDirectory
    let authorizer: OrganizationAuthorizer
    let body: JSONBodyReader

    func addRoutes(to routes: RouteRegistrar<AppRequestContext>) {
        routes.on(.get, "", use: self.list)
        routes.on(.post, "", use: self.create)
        routes.on(.get, ":id", use: self.get)
        routes.on(.patch, ":id", use: self.update)
        routes.on(.delete, ":id", use: self.cancel)
        routes.on(.post, ":id/suspend", use: self.suspend)
        routes.on(.post, ":id/reactivate", use: self.reactivate)
        routes.on(.put, ":id/tier", use: self.changeTier)
        routes.on(.post, ":id/purge", use: self.purge)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<OrganizationListResponse> {
        let user = try OrganizationAuthorizer.requireUser(context)
        let query = QueryReader(request)
        let filter = OrganizationFilter(
            status: try query.choice("status", as: OrganizationStatus.self), tier: try query.choice("tier", as: Tier.self),
            search: try query.text("search"))
        let page = try query.page()
        if user.isSuperAdmin {
            let found = try await self.organizations.list(filter: filter, page: page)
            return JSONResponse(OrganizationListResponse(organizations: found.items.map(OrganizationResponse.init), nextCursor: found.nextCursor))
        }
        var mine: [Organization] = []
        for membership in try await self.identities.memberships(of: user.id) {
            if let organization = try await self.tenants.organization(for: .id(membership.organizationID)), filter.matches(organization) {
                mine.append(organization)
            }
        }
        return JSONResponse(OrganizationListResponse(organizations: mine.sorted { $0.id > $1.id }.map(OrganizationResponse.init), nextCursor: nil))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<OrganizationResponse> {
        let user = try OrganizationAuthorizer.requireUser(context)
        let input = try await self.body.decode(CreateOrganizationRequest.self, from: request, allowedFields: CreateOrganizationRequest.fields)
        if input.draft.tier != .free, !user.isSuperAdmin {
            throw APIError(
                status: .forbidden,
                code: "tier_requires_super_admin",
                detail: "Only a platform super admin can create a \(input.draft.tier.rawValue) organization; create a free one and ask for an upgrade.",
                field: "tier"
            )
        }
        var draft = input.draft
        draft.status = .active
        if draft.settings.branding != OrganizationSettings.Branding() {
            try EffectivePlan(tier: draft.tier).require(.customBranding)
        }
        let organization = try await self.organizations.create(draft, owner: user.id)
        return JSONResponse(OrganizationResponse(organization), status: .created)
    }

    @Sendable func get(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<OrganizationResponse> {
        // Every member may see their organization, whatever the role (billing included).
        let organization = try await self.authorizer.authorizeWithAccess(request, context: context, permission: nil).organization
        return JSONResponse(OrganizationResponse(organization))
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<OrganizationResponse> {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .manageSettings)
        let input = try await self.body.decode(UpdateOrganizationRequest.self, from: request, allowedFields: UpdateOrganizationRequest.fields)
        return JSONResponse(OrganizationResponse(try await self.organizations.update(organization.id) { try input.applied(to: $0) }))
    }

    /// The owner deletes the organization: it is cancelled (no longer served) and its data kept for the grace period.
    @Sendable func cancel(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<OrganizationResponse> {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .deleteOrganization)
        return JSONResponse(OrganizationResponse(try await self.organizations.setStatus(.cancelled, of: .id(organization.id))))
    }

    @Sendable func suspend(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<OrganizationResponse> {
        let organization = try await self.authorizer.authorizeSuperAdmin(request, context: context)
        return JSONResponse(OrganizationResponse(try await self.organizations.setStatus(.suspended, of: .id(organization.id))))
    }

    @Sendable func reactivate(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<OrganizationResponse> {
        let organization = try await self.authorizer.authorizeSuperAdmin(request, context: context)
        return JSONResponse(OrganizationResponse(try await self.organizations.setStatus(.active, of: .id(organization.id))))
    }

    /// A super admin deletes a cancelled organization and all its data, now.
    @Sendable func purge(_ request: Request, context: AppRequestContext) async throws -> NoContent {
        let organization = try await self.authorizer.authorizeSuperAdmin(request, context: context)
        try await self.organizations.purge(organization.id)
        return NoContent()
    }

    struct ChangeTierRequest: Decodable {
        static let fields: Set<String> = ["tier"]
        var tier: Tier

        init(from decoder: any Decoder) throws {
            self.tier = try decoder.container(keyedBy: AnyKey.self).decodeChoice(Tier.self, forKey: "tier")
        }
    }

    /// A super admin changes the tier; it takes effect on the next request (there is no payment integration yet).
    @Sendable func changeTier(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<OrganizationResponse> {
        let organization = try await self.authorizer.authorizeSuperAdmin(request, context: context)
        let input = try await self.body.decode(ChangeTierRequest.self, from: request, allowedFields: ChangeTierRequest.fields)
        let updated = try await self.organizations.update(organization.id) { current in
            var changed = current
            changed.tier = input.tier
            return changed
        }
        return JSONResponse(OrganizationResponse(updated))
    }
}
