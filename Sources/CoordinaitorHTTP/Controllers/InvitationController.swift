import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import Hummingbird

/// `/api/organizations/{id}/invitations` for admins, and `/api/invitations/accept` for the invited.
struct InvitationController {
    let invitations: InvitationService
    let usage: UsageService
    let authorizer: OrganizationAuthorizer
    let time: any TimeSource
    let body: JSONBodyReader

    func addRoutes(to routes: RouteRegistrar<AppRequestContext>) {
        routes.on(.get, ":id/invitations", use: self.list)
        routes.on(.post, ":id/invitations", use: self.invite)
        routes.on(.delete, ":id/invitations/:invitationId", use: self.revoke)
    }

    func addAcceptRoute(to routes: RouteRegistrar<AppRequestContext>) {
        routes.on(.post, "accept", use: self.accept)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<InvitationListResponse> {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .manageInvitations)
        let page = try await self.invitations.list(in: TenantScope(organization), page: try QueryReader(request).page())
        let now = self.time.now()
        return JSONResponse(InvitationListResponse(invitations: page.items.map { InvitationResponse($0, now: now) }, nextCursor: page.nextCursor))
    }

    @Sendable func invite(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<CreatedInvitationResponse> {
        let (organization, access) = try await self.authorizer.authorizeWithAccess(request, context: context, permission: .manageInvitations)
        let input = try await self.body.decode(CreateInvitationRequest.self, from: request, allowedFields: CreateInvitationRequest.fields)
        // A full organization says so now rather than when the invitation is accepted (which checks again, atomically).
        try await self.usage.requireRoom(for: .users, in: organization)
        let created = try await self.invitations.invite(
            in: TenantScope(organization),
            email: input.email,
            role: input.role,
            lifetime: input.expiresInDays.map { $0 * 86400 },
            by: try MemberController.actor(context, access)
        )
        let response = CreatedInvitationResponse(invitation: InvitationResponse(created.invitation, now: self.time.now()), token: created.token)
        return JSONResponse(response, status: .created)
    }

    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<InvitationResponse> {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .manageInvitations)
        guard let raw = context.parameters.get("invitationId"), let id = InvitationID(raw) else {
            throw ResourceError.notFound(InvitationKind.resourceName)
        }
        let revoked = try await self.invitations.revoke(in: TenantScope(organization), id: id)
        return JSONResponse(InvitationResponse(revoked, now: self.time.now()))
    }

    /// Signed in as the invited email, join the organization. Used, revoked and expired tokens answer 410.
    @Sendable func accept(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<MembershipChangeResponse> {
        let user = try OrganizationAuthorizer.requireUser(context)
        let input = try await self.body.decode(AcceptInvitationRequest.self, from: request, allowedFields: AcceptInvitationRequest.fields)
        do {
            return JSONResponse(MembershipChangeResponse(try await self.invitations.accept(token: input.token, by: user)), status: .created)
        } catch let error as InvitationService.AcceptanceError {
            switch error.reason {
            case .unknown:
                throw APIError(status: .notFound, code: "invitation_not_found", detail: "No invitation has this token.")
            case .gone(let state):
                throw APIError(status: .gone, code: "invitation_\(state.rawValue)", detail: "This invitation was \(state.rawValue) and cannot be used.")
            case .wrongAccount:
                throw APIError(
                    status: .forbidden, code: "invitation_email_mismatch",
                    detail: "This invitation is for another email address: sign in with the invited account.")
            }
        }
    }
}
