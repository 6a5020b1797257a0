import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices

/// The signed-in person on a dashboard page, and the organization the page is about.
struct DashboardCaller: Sendable {
    let user: User
    let organization: Organization
    let access: TenantAccess
    /// `/org/{key}` when the organization was named in the path, else empty.
    let base: String
    let csrfToken: String

    init(_ context: AppRequestContext) throws {
        guard let user = context.identity, let token = context.sessionToken else { throw WebError.signInRequired }
        guard let organization = context.tenant, let access = context.access else { throw WebError.notFound }
        self.user = user
        self.organization = organization
        self.access = access
        self.base = Self.base(context)
        self.csrfToken = CSRFToken.forSession(token)
    }

    static func base(_ context: AppRequestContext) -> String {
        context.pathTenantKey.map { "/org/\($0)" } ?? ""
    }

    func mode(of section: DashboardSection) -> DashboardPolicy.Mode {
        DashboardPolicy.mode(of: section, for: self.access)
    }

    /// Refuses what the page does not let this caller change (the services check the permission again).
    func requireEditable(_ section: DashboardSection) throws {
        guard self.mode(of: section) == .editable else {
            throw WebError.forbidden("Your role lets you see this page but not change it.")
        }
    }

    func link(_ path: String) -> String { self.base + path }

    /// The caller as the membership rules see them: a super admin crossing in has no role.
    var memberActor: MemberActor {
        if case .member(let role) = self.access { return MemberActor(userID: self.user.id, role: role) }
        return MemberActor(userID: self.user.id, role: nil)
    }

    var roleLabel: String {
        switch self.access {
        case .member(let role): role.rawValue
        case .superAdminCrossing: "super admin"
        default: "none"
        }
    }
}
