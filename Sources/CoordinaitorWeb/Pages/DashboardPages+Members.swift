import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Hummingbird

extension DashboardPages {
    struct MembersPage: PageView {
        var chrome: PageChrome
        var members: [MemberRow]
        var invitations: [InvitationRow]
        var canManage: Bool
        var canInvite: Bool
        /// Roles this caller may grant: strictly below their own (any but owner for a super admin).
        var grantableRoles: [RoleOption]
        var invited: CreatedInvitation?
        var usersBar: UsageBar?
    }

    struct MemberRow: Sendable {
        var userId: String
        var name: String
        var email: String
        var role: String
        var joined: String
        var isSelf: Bool
        /// The caller outranks this member: the role can be changed and the member removed.
        var isManageable: Bool
        var roleOptions: [RoleOption]
    }

    struct RoleOption: Sendable {
        var value: String
        var isSelected: Bool
    }

    struct InvitationRow: Sendable {
        var id: String
        var email: String
        var role: String
        var expires: String
    }

    /// Shown once, right after inviting: the token is never stored in clear.
    struct CreatedInvitation: Sendable {
        var email: String
        var token: String
        var acceptPath: String
    }

    static let pageSize = PageRequest(limit: PageRequest.maximumLimit)

    /// `GET /dashboard/members`: members and their roles, pending invitations, and the forms to manage them.
    @Sendable func members(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        return try await self.showingOnce(.invitation, request) { revealed in
            try await self.membersPage(
                request, caller: caller,
                invited: revealed.map {
                    CreatedInvitation(email: $0.label, token: $0.secret, acceptPath: self.siteURL(request) + caller.link("/invitations/accept"))
                })
        }
    }

    func membersPage(
        _ request: Request, caller: DashboardCaller, status: HTTPResponse.Status = .ok, error: String? = nil, invited: CreatedInvitation? = nil
    ) async throws -> Response {
        let scope = TenantScope(caller.organization)
        let members = try await self.services.members.list(in: scope, page: Self.pageSize).items
        let canManage = caller.mode(of: .members) == .editable
        let canInvite = canManage && caller.access.allows(.manageInvitations)
        let now = self.services.time.now()
        let invitations =
            canInvite
            ? try await self.services.invitations.list(in: scope, page: Self.pageSize).items.filter { $0.state(at: now) == .pending }
            : []
        let actor = caller.memberActor
        let grantable = Role.allCases.filter { role in role != .owner && (actor.role.map { $0.canManage(role) } ?? true) }
        let report = try await self.services.usage.report(for: caller.organization)
        return try await self.render(.members, caller: caller, request: request, status: status, error: error) { chrome in
            MembersPage(
                chrome: chrome,
                members: members.map { member in
                    let manageable = canManage && member.membership.role != .owner && (actor.role.map { $0.canManage(member.membership.role) } ?? true)
                    return MemberRow(
                        userId: member.user.id.description,
                        name: member.user.name,
                        email: member.user.email,
                        role: member.membership.role.rawValue,
                        joined: Formatting.day(member.membership.createdAt),
                        isSelf: member.user.id == caller.user.id,
                        isManageable: manageable,
                        roleOptions: grantable.map { RoleOption(value: $0.rawValue, isSelected: $0 == member.membership.role) }
                    )
                },
                invitations: invitations.map {
                    InvitationRow(id: $0.id.description, email: $0.email, role: $0.role.rawValue, expires: Formatting.day($0.expiresAt))
                },
                canManage: canManage,
                canInvite: canInvite,
                grantableRoles: grantable.map { RoleOption(value: $0.rawValue, isSelected: $0 == .member) },
                invited: invited,
                usersBar: report.line(.users).map(UsageBar.init)
            )
        }
    }

    /// `https://acme.example.com`: this page's own site, for links people copy into a message.
    private func siteURL(_ request: Request) -> String {
        let scheme = self.cookies.isSecure(request) ? "https" : "http"
        return (request.headers[.host] ?? request.head.authority).map { "\(scheme)://\($0)" } ?? ""
    }

    /// `POST /dashboard/members/invite`: the same checks as the API (room for a user, the role below the inviter's).
    @Sendable func invite(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        try caller.requireEditable(.members)
        let form = try await FormFields.read(request)
        let email = form.text("email") ?? ""
        guard let role = form["role"].flatMap(Role.init(rawValue:)) else {
            return try await self.membersPage(request, caller: caller, status: .unprocessableContent, error: "Choose a role.")
        }
        do {
            try await self.services.usage.requireRoom(for: .users, in: caller.organization)
            let created = try await self.services.invitations.invite(
                in: TenantScope(caller.organization), email: email, role: role, lifetime: nil, by: caller.memberActor)
            let secret = RevealedSecret(kind: .invitation, label: created.invitation.email, secret: created.token)
            return self.done(caller, .members, .invited, revealing: secret, request: request)
        } catch {
            let (status, message) = WebErrorMiddleware.describe(error, logger: context.logger)
            return try await self.membersPage(request, caller: caller, status: status, error: message)
        }
    }

    /// `POST /dashboard/members/{userId}/role`.
    @Sendable func changeRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        try caller.requireEditable(.members)
        let form = try await FormFields.read(request)
        guard let target = context.parameters.get("userId").flatMap(UserID.init) else { throw WebError.notFound }
        guard let role = form["role"].flatMap(Role.init(rawValue:)) else {
            return try await self.membersPage(request, caller: caller, status: .unprocessableContent, error: "Choose a role.")
        }
        do {
            _ = try await self.services.members.changeRole(in: TenantScope(caller.organization), of: target, to: role, by: caller.memberActor)
        } catch {
            let (status, message) = WebErrorMiddleware.describe(error, logger: context.logger)
            return try await self.membersPage(request, caller: caller, status: status, error: message)
        }
        return self.done(caller, .members, .roleChanged)
    }

    /// `POST /dashboard/members/{userId}/remove`.
    @Sendable func removeMember(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        try caller.requireEditable(.members)
        guard let target = context.parameters.get("userId").flatMap(UserID.init) else { throw WebError.notFound }
        do {
            try await self.services.members.remove(in: caller.organization, member: target, by: caller.memberActor)
        } catch {
            let (status, message) = WebErrorMiddleware.describe(error, logger: context.logger)
            return try await self.membersPage(request, caller: caller, status: status, error: message)
        }
        return self.done(caller, .members, .removed)
    }

    /// `POST /dashboard/invitations/{invitationId}/revoke`.
    @Sendable func revokeInvitation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        try caller.requireEditable(.members)
        guard caller.access.allows(.manageInvitations) else { throw WebError.forbidden("Your role cannot manage invitations.") }
        guard let id = context.parameters.get("invitationId").flatMap(InvitationID.init) else { throw WebError.notFound }
        _ = try await self.services.invitations.revoke(in: TenantScope(caller.organization), id: id)
        return self.done(caller, .members, .invitationRevoked)
    }
}
