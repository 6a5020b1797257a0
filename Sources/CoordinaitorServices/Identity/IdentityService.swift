import CoordinaitorDomain
import Foundation

/// Sign-up, sign-in and the question "may this user act in this organization?".
package struct IdentityService: Sendable {
    private let users: any UserRepository
    private let memberships: any MembershipRepository
    private let hasher: any PasswordHasher
    private let time: any TimeSource
    private let ids: any IdentifierSource
    private let gate: UsageGate
    private let audit: AuditTrail

    package init(
        users: any UserRepository,
        memberships: any MembershipRepository,
        hasher: any PasswordHasher,
        time: any TimeSource,
        ids: any IdentifierSource,
        gate: UsageGate,
        audit: AuditTrail
    ) {
        self.audit = audit
        self.users = users
        self.memberships = memberships
        self.hasher = hasher
        self.time = time
        self.ids = ids
        self.gate = gate
    }

    /// Creates an account. - Throws: ``ValidationError``; ``ResourceError`` `.conflict` (field `email`) when taken.
    package func signUp(email: String, name: String, password: String, isSuperAdmin: Bool = false) async throws -> User {
        try Credentials.validateSignUp(email: email, name: name, password: password)
        let now = self.time.now()
        let user = User(
            id: self.ids.make(UserKind.self, at: now),
            email: Credentials.normalizedEmail(email),
            name: name.trimmed,
            passwordHash: try await self.hasher.hash(password),
            status: .active,
            isSuperAdmin: isSuperAdmin,
            createdAt: now,
            updatedAt: now
        )
        let created = try await self.users.create(user)
        self.audit.record(
            isSuperAdmin ? .userCreated : .userSignedUp, in: nil, target: AuditTarget(created.id),
            actor: AuditRequestContext.current == nil ? .system : AuditActor(.user(created)),
            metadata: isSuperAdmin ? ["superAdmin": "true"] : [:]
        )
        return created
    }

    /// The active user with these credentials, or nil. Unknown emails cost as much as wrong passwords, so response time
    /// does not tell which emails have accounts.
    package func authenticate(email: String, password: String) async throws -> User? {
        let normalized = Credentials.normalizedEmail(email)
        guard let user = try await self.users.find(email: normalized) else {
            _ = try await self.hasher.verify(password, against: self.hasher.decoyHash)
            self.audit.record(.signInFailed, in: nil, result: .denied, metadata: ["email": normalized, "reason": "unknown_email"])
            return nil
        }
        guard try await self.hasher.verify(password, against: user.passwordHash), user.status == .active else {
            let reason = user.status == .active ? "wrong_password" : "account_\(user.status.rawValue)"
            self.audit.record(.signInFailed, in: nil, target: AuditTarget(user.id), result: .denied, metadata: ["email": normalized, "reason": reason])
            return nil
        }
        self.audit.record(.userSignedIn, in: nil, target: AuditTarget(user.id), actor: AuditActor(.user(user)))
        return user
    }

    package func find(email: String) async throws -> User? {
        try await self.users.find(email: Credentials.normalizedEmail(email))
    }

    package func user(id: UserID) async throws -> User? {
        try await self.users.find(id: id)
    }

    package func memberships(of user: UserID) async throws -> [Membership] {
        try await self.memberships.memberships(of: user)
    }

    /// How `principal` may act in `organization` (a user's membership is looked up; an API key needs none).
    package func access(of principal: Principal, to organization: OrganizationID) async throws -> TenantAccess {
        guard case .user(let user) = principal else { return principal.access(to: organization, membership: nil) }
        let membership = try await self.memberships.find(in: TenantScope(organizationID: organization), userID: user.id)
        return principal.access(to: organization, membership: membership)
    }

    /// Adds `user` to `organization` with `role` (demo data and the CLI), within its seat limit.
    package func addMember(_ user: UserID, to organization: Organization, role: Role) async throws -> Membership {
        let now = self.time.now()
        let membership = Membership(organizationID: organization.id, userID: user, role: role, createdAt: now, updatedAt: now)
        let added = try await self.gate.charging(organization) { try await self.memberships.add(in: TenantScope(organization), membership, limits: $0) }
        self.audit.record(.memberAdded, in: organization.id, target: AuditTarget(user), metadata: ["role": role.rawValue])
        return added
    }

    /// Makes `user` the owner of `organization` when it has no members yet: how the first account of a single-tenant
    /// server takes charge of the default organization. Returns whether it did.
    package func claimIfUnowned(_ organization: Organization, by user: User) async throws -> Bool {
        let scope = TenantScope(organization)
        guard try await self.memberships.list(in: scope, page: PageRequest(limit: 1)).items.isEmpty else { return false }
        let now = self.time.now()
        do {
            let owner = Membership(organizationID: organization.id, userID: user.id, role: .owner, createdAt: now, updatedAt: now)
            _ = try await self.gate.charging(organization) { try await self.memberships.add(in: scope, owner, limits: $0) }
            self.audit.record(.memberAdded, in: organization.id, target: AuditTarget(user.id), metadata: ["role": Role.owner.rawValue, "via": "first_account"])
            return true
        } catch let error as ResourceError where error.code == .conflict {
            return false
        }
    }

    /// Makes an existing account a super admin, or creates one (used by `coordinaitor admin create`).
    package func ensureSuperAdmin(email: String, name: String, password: String) async throws -> User {
        try Credentials.validateSignUp(email: email, name: name, password: password)
        if var existing = try await self.users.find(email: Credentials.normalizedEmail(email)) {
            existing.isSuperAdmin = true
            existing.passwordHash = try await self.hasher.hash(password)
            existing.updatedAt = self.time.now()
            let updated = try await self.users.update(existing)
            self.audit.record(.userCreated, in: nil, target: AuditTarget(updated.id), metadata: ["superAdmin": "true", "existing": "true"])
            return updated
        }
        return try await self.signUp(email: email, name: name, password: password, isSuperAdmin: true)
    }
}
