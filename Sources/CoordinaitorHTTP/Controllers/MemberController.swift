import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// `/api/organizations/{id}/members`: who belongs to the organization, their roles, and ownership transfer.
struct MemberController {
    let members: MembershipService
    let authorizer: OrganizationAuthorizer
    let body: JSONBodyReader

    func addRoutes(to routes: RouteRegistrar<AppRequestContext>) {
        routes.on(.get, ":id/members", use: self.list)
        routes.on(.patch, ":id/members/:userId", use: self.changeRole)
        routes.on(.delete, ":id/members/:userId", use: self.remove)
        routes.on(.post, ":id/transfer-ownership", use: self.transferOwnership)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<MemberListResponse> {
        let organization = try await self.authorizer.authorizeWithAccess(request, context: context, permission: nil).organization
        let page = try await self.members.list(in: TenantScope(organization), page: try QueryReader(request).page())
        return JSONResponse(MemberListResponse(members: page.items.map(MemberResponse.init), nextCursor: page.nextCursor))
    }

    @Sendable func changeRole(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<MembershipChangeResponse> {
        let (organization, access) = try await self.authorizer.authorizeWithAccess(request, context: context, permission: .manageMembers)
        let input = try await self.body.decode(ChangeRoleRequest.self, from: request, allowedFields: ChangeRoleRequest.fields)
        let changed = try await self.members.changeRole(
            in: TenantScope(organization), of: try Self.target(context), to: input.role, by: try Self.actor(context, access))
        return JSONResponse(MembershipChangeResponse(changed))
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> NoContent {
        // Who is calling comes before what the path names: an anonymous caller learns nothing from a bad member id.
        guard context.principal != nil else { throw APIError.authenticationRequired }
        let target = try Self.target(context)
        // Leaving is open to every member, whatever the role; removing someone else needs the right to manage members.
        let leaving = target == context.identity?.id
        let (organization, access) = try await self.authorizer.authorizeWithAccess(
            request, context: context, permission: leaving ? nil : .manageMembers)
        try await self.members.remove(in: organization, member: target, by: try Self.actor(context, access))
        return NoContent()
    }

    @Sendable func transferOwnership(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<MembershipChangeResponse> {
        let (organization, access) = try await self.authorizer.authorizeWithAccess(request, context: context, permission: .transferOwnership)
        // Only an owner hands over ownership (a super admin from outside has none to hand over).
        guard case .member(.owner) = access else { throw APIError.permissionDenied("transferring ownership: only an owner can") }
        let owner = try OrganizationAuthorizer.requireUser(context)
        let input = try await self.body.decode(TransferOwnershipRequest.self, from: request, allowedFields: TransferOwnershipRequest.fields)
        let promoted = try await self.members.transferOwnership(in: TenantScope(organization), to: input.userId, by: owner.id)
        return JSONResponse(MembershipChangeResponse(promoted))
    }

    private static func target(_ context: AppRequestContext) throws -> UserID {
        guard let raw = context.parameters.get("userId"), let id = UserID(raw) else { throw ResourceError.notFound("membership") }
        return id
    }

    /// The acting user and how far their authority reaches (a super admin's crossing reaches every role).
    static func actor(_ context: AppRequestContext, _ access: TenantAccess) throws -> MemberActor {
        let user = try OrganizationAuthorizer.requireUser(context)
        if case .member(let role) = access { return MemberActor(userID: user.id, role: role) }
        return MemberActor(userID: user.id, role: nil)
    }
}
