import CoordinaitorDomain
import Foundation

/// Inviting people by email, and accepting an invitation.
package struct InvitationService: Sendable {
    private let invitations: any InvitationRepository
    private let organizations: any OrganizationRepository
    private let time: any TimeSource
    private let ids: any IdentifierSource
    private let gate: UsageGate
    private let webhooks: WebhookService
    private let audit: AuditTrail

    package init(
        invitations: any InvitationRepository,
        organizations: any OrganizationRepository,
        time: any TimeSource,
        ids: any IdentifierSource,
        gate: UsageGate,
        webhooks: WebhookService,
        audit: AuditTrail
    ) {
        self.audit = audit
        self.webhooks = webhooks
        self.invitations = invitations
        self.organizations = organizations
        self.time = time
        self.ids = ids
        self.gate = gate
    }

    /// A new invitation and its token, which is never shown again.
    package struct Created: Sendable {
        package var invitation: Invitation
        package var token: String
    }

    /// Why an invitation cannot be accepted.
    package struct AcceptanceError: Error, Sendable {
        package enum Reason: Sendable { case unknown, gone(Invitation.State), wrongAccount }
        package var reason: Reason
    }

    package func invite(
        in scope: TenantScope,
        email: String,
        role: Role,
        lifetime: TimeInterval?,
        by actor: MemberActor
    ) async throws -> Created {
        var collector = ValidationCollector()
        let normalized = Credentials.normalizedEmail(email)
        collector.check(OrganizationNaming.isEmail(normalized), field: "email", "Must be an email address.")
        collector.check(role != .owner, field: "role", "Ownership is given by a transfer, not an invitation.")
        let lifetime = lifetime ?? Invitation.defaultLifetime
        collector.check(
            lifetime >= 3600 && lifetime <= Invitation.maximumLifetime,
            field: "expiresInDays",
            "Must be from 1 hour to \(Int(Invitation.maximumLifetime / 86400)) days."
        )
        try collector.throwIfAny()
        try actor.requireCanManage(role, field: "role")

        let now = self.time.now()
        let token = APIKeyService.randomHex(bytes: 32)
        let invitation = Invitation(
            id: self.ids.make(InvitationKind.self, at: now),
            organizationID: scope.organizationID,
            email: normalized,
            role: role,
            tokenHash: APIKeyService.sha256(token),
            invitedBy: actor.userID,
            createdAt: now,
            expiresAt: now.addingTimeInterval(lifetime),
            acceptedAt: nil,
            revokedAt: nil
        )
        let created = try await self.invitations.create(in: scope, invitation)
        self.audit.record(
            .invitationCreated, in: scope.organizationID, target: AuditTarget(created.id), metadata: ["email": normalized, "role": role.rawValue]
        )
        return Created(invitation: created, token: token)
    }

    package func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Invitation> {
        try await self.invitations.list(in: scope, page: page)
    }

    package func revoke(in scope: TenantScope, id: InvitationID) async throws -> Invitation {
        let revoked = try await self.invitations.revoke(in: scope, id: id, at: self.time.now())
        self.audit.record(.invitationRevoked, in: scope.organizationID, target: AuditTarget(id), metadata: ["email": revoked.email])
        return revoked
    }

    /// Joins `user` to the invitation's organization. The invitation must be pending and addressed to the user's email.
    package func accept(token: String, by user: User) async throws -> Membership {
        guard let invitation = try await self.invitations.find(tokenHash: APIKeyService.sha256(token.trimmed)) else {
            throw AcceptanceError(reason: .unknown)
        }
        let now = self.time.now()
        let state = invitation.state(at: now)
        guard state == .pending else { throw AcceptanceError(reason: .gone(state)) }
        guard invitation.email == user.email else { throw AcceptanceError(reason: .wrongAccount) }
        // Nobody joins an organization that is suspended, pending or cancelled.
        guard let organization = try await self.organizations.find(.id(invitation.organizationID)) else { throw AcceptanceError(reason: .unknown) }
        try organization.requireActive()
        do {
            let membership = try await self.gate.charging(organization) {
                try await self.invitations.accept(invitation.id, by: user.id, at: now, limits: $0)
            }
            self.audit.record(.invitationAccepted, in: organization.id, target: AuditTarget(invitation.id), metadata: ["email": invitation.email])
            self.audit.record(.memberAdded, in: organization.id, target: AuditTarget(user.id), metadata: ["role": membership.role.rawValue, "via": "invitation"])
            await self.webhooks.membershipChanged(.memberAdded, in: organization, user: user.id, role: membership.role)
            return membership
        } catch let error as ResourceError where error.code == .invalidTransition {
            // Accepted or revoked between the read above and the conditional update.
            throw AcceptanceError(reason: .gone(.accepted))
        }
    }
}
