import CoordinaitorDomain
import Foundation
import PostgresNIO

struct PostgresInvitationRepository: InvitationRepository {
    let database: PostgresDatabase

    func create(in scope: TenantScope, _ invitation: Invitation) async throws -> Invitation {
        try ScopeMismatchError.check(invitation.organizationID, in: scope)
        let stored = Self.normalized(invitation)
        let logger = self.database.logger
        try await PostgresConstraintViolation.mapping(resource: "invitation") {
            try await self.database.transaction { connection in
                // Expired invitations still count as pending for the partial unique index: revoke them first, in the
                // same transaction, so only a live invitation blocks a new one.
                _ = try await connection.rows(
                    """
                    UPDATE invitations SET revoked_at = \(MillisecondTimestamp(stored.createdAt))
                    WHERE organization_id = \(scope.organizationID.uuid) AND email = \(stored.email)
                      AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at <= \(MillisecondTimestamp(stored.createdAt))
                    """,
                    logger: logger
                )
                _ = try await connection.rows(
                    """
                    INSERT INTO invitations (
                        organization_id, id, email, role, token_hash, invited_by, created_at, expires_at, accepted_at,
                        revoked_at
                    ) VALUES (
                        \(stored.organizationID.uuid), \(stored.id.uuid), \(stored.email), \(stored.role.rawValue),
                        \(stored.tokenHash), \(stored.invitedBy.uuid), \(MillisecondTimestamp(stored.createdAt)),
                        \(MillisecondTimestamp(stored.expiresAt)), \(stored.acceptedAt.map(MillisecondTimestamp.init)),
                        \(stored.revokedAt.map(MillisecondTimestamp.init))
                    )
                    """,
                    logger: logger
                )
            }
        }
        return stored
    }

    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Invitation> {
        let cursor = try PostgresPage.cursor(page)
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.invitation) FROM invitations
            WHERE organization_id = \(scope.organizationID.uuid)
              AND (\(cursor)::uuid IS NULL OR id < \(cursor))
            ORDER BY id DESC
            LIMIT \(PostgresPage.fetchLimit(page))
            """
        )
        return try PostgresPage.page(rows, for: page, decode: Invitation.init(postgresRow:), cursor: \.id.description)
    }

    func revoke(in scope: TenantScope, id: InvitationID, at time: Date) async throws -> Invitation {
        let logger = self.database.logger
        return try await self.database.transaction { connection in
            let rows = try await connection.rows(
                """
                SELECT \(unescaped: PostgresColumns.invitation) FROM invitations
                WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
                FOR UPDATE
                """,
                logger: logger
            )
            guard let row = rows.first else { throw ResourceError.notFound("invitation") }
            var invitation = try Invitation(postgresRow: row)
            guard invitation.acceptedAt == nil else { throw InvitationTransitions.alreadyAccepted }
            // Revoking again keeps the first time.
            guard invitation.revokedAt == nil else { return invitation }
            invitation.revokedAt = time
            _ = try await connection.rows(
                """
                UPDATE invitations SET revoked_at = \(MillisecondTimestamp(time))
                WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
                """,
                logger: logger
            )
            return invitation
        }
    }

    func find(tokenHash: String) async throws -> Invitation? {
        let rows = try await self.database.rows(
            "SELECT \(unescaped: PostgresColumns.invitation) FROM invitations WHERE token_hash = \(tokenHash)"
        )
        return try rows.first.map(Invitation.init(postgresRow:))
    }

    func accept(_ id: InvitationID, by user: UserID, at time: Date, limits: UsageLimits) async throws -> Membership {
        let logger = self.database.logger
        return try await PostgresConstraintViolation.mapping(resource: "membership") {
            try await self.database.transaction { connection in
                // The conditional update is what makes a token single-use: a concurrent accept waits for this row and
                // then finds it no longer pending. A failed membership insert rolls it back.
                let rows = try await connection.rows(
                    """
                    UPDATE invitations SET accepted_at = \(MillisecondTimestamp(time))
                    WHERE id = \(id.uuid) AND accepted_at IS NULL AND revoked_at IS NULL
                      AND expires_at > \(MillisecondTimestamp(time))
                    RETURNING \(unescaped: PostgresColumns.invitation)
                    """,
                    logger: logger
                )
                guard let row = rows.first else { throw InvitationTransitions.notPending }
                let invitation = try Invitation(postgresRow: row)
                let membership = Membership(
                    organizationID: invitation.organizationID,
                    userID: user,
                    role: invitation.role,
                    createdAt: time,
                    updatedAt: time
                )
                // An existing member fails `memberships_pkey` (a conflict), a missing user `memberships_user_fkey`.
                try await PostgresMembershipRepository.insert(membership, limits: limits, on: connection, logger: logger)
                return membership
            }
        }
    }

    /// The invitation as stored: the pending-email index only sees one spelling per address if every write normalizes.
    private static func normalized(_ invitation: Invitation) -> Invitation {
        var stored = invitation
        stored.email = Credentials.normalizedEmail(invitation.email)
        return stored
    }
}

/// The errors of invitation state changes that the store refuses.
enum InvitationTransitions {
    static let notPending = ResourceError(
        code: .invalidTransition,
        resource: "invitation",
        message: "The invitation is no longer pending: it was accepted, revoked or has expired."
    )

    static let alreadyAccepted = ResourceError(
        code: .invalidTransition,
        resource: "invitation",
        message: "An accepted invitation cannot be revoked."
    )
}
