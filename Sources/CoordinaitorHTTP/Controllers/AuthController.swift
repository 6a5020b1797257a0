import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// `/api/auth`: sign-up, sign-in and "who am I". Central routes: they need no tenant.
struct AuthController {
    let identities: IdentityService
    let tokens: any AccessTokenService
    let tenants: TenantDirectory
    let tenancy: TenancyConfiguration
    let body: JSONBodyReader

    func addRoutes(to routes: RouteRegistrar<AppRequestContext>) {
        routes.on(.post, "signup", use: self.signUp)
        routes.on(.post, "login", use: self.login)
        routes.on(.get, "me", use: self.me)
    }

    @Sendable func signUp(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<SessionResponse> {
        let input = try await self.body.decode(SignUpRequest.self, from: request, allowedFields: SignUpRequest.fields)
        let user = try await self.identities.signUp(email: input.email, name: input.name, password: input.password)
        if !self.tenancy.multiTenantEnabled, let organization = try await self.tenants.organization(for: self.tenancy.singleTenantKey) {
            // A single-tenant server has one organization; its first account takes charge of it. Later accounts join by invitation.
            _ = try await self.identities.claimIfUnowned(organization, by: user)
        }
        return JSONResponse(SessionResponse(user: user, token: try await self.tokens.issue(for: user.id)), status: .created)
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<SessionResponse> {
        let input = try await self.body.decode(LoginRequest.self, from: request, allowedFields: LoginRequest.fields)
        guard let user = try await self.identities.authenticate(email: input.email, password: input.password) else {
            throw APIError(status: .unauthorized, code: "invalid_credentials", detail: "The email or the password is wrong.")
        }
        return JSONResponse(SessionResponse(user: user, token: try await self.tokens.issue(for: user.id)))
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<MeResponse> {
        let user = try OrganizationAuthorizer.requireUser(context)
        var memberships: [MembershipResponse] = []
        for membership in try await self.identities.memberships(of: user.id) {
            // Through the tenant cache: a user has few memberships, and their organizations are usually cached.
            guard let organization = try await self.tenants.organization(for: .id(membership.organizationID)) else { continue }
            memberships.append(
                MembershipResponse(
                    organizationId: organization.id.description,
                    name: organization.name,
                    displayName: organization.displayName,
                    subdomain: organization.subdomain,
                    status: organization.status.rawValue,
                    role: membership.role.rawValue
                )
            )
        }
        return JSONResponse(MeResponse(user: UserResponse(user), memberships: memberships))
    }
}
