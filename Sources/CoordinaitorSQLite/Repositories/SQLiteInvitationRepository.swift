import CoordinaitorDomain
import Foundation
import SQLiteNIO

struct SQLiteInvitationRepository: InvitationRepository {
    private static let table = Invitation.sqliteTable
    let connections: SQLiteConnections

    func create(in scope: TenantScope, _ invitation: Invitation) async throws -> Invitation {
        try ScopeMismatchError.check(invitation.organizationID, in: scope)
        let stored = Self.normalized(invitation)
        // Expired invitations still count as pending for the partial unique index: revoke them first, in the same
        // transaction, so only a live invitation blocks a new one.
        let revokeExpired = """
            UPDATE \(Self.table.name) SET revoked_at = ?
            WHERE organization_id = ? AND email = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at <= ?
            """
        let revokeBinds: [SQLiteData] = [.date(stored.createdAt), .id(scope.organizationID), .text(stored.email), .date(stored.createdAt)]
        try await SQLiteConstraintViolation.mapConflicts(resource: "invitation") {
            try await self.connections.write { transaction in
                try transaction.query(revokeExpired, revokeBinds)
                try transaction.query(Self.table.insertSQL, stored.sqliteValues())
            }
        }
        return stored
    }

    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Invitation> {
        var query = SQLiteListQuery(Self.table)
        query.filter("organization_id", equals: .id(scope.organizationID))
        return try await query.fetch(page, on: self.connections, decode: Invitation.init(sqliteRow:), cursor: \.id.description)
    }

    func revoke(in scope: TenantScope, id: InvitationID, at time: Date) async throws -> Invitation {
        try await self.connections.write { transaction in
            guard let row = try SQLiteTenantRows.find(in: Self.table, scope: scope, id: id, transaction: transaction) else {
                throw ResourceError.notFound("invitation")
            }
            var invitation = try Invitation(sqliteRow: row)
            guard invitation.acceptedAt == nil else { throw InvitationTransitions.alreadyAccepted }
            // Revoking again keeps the first time.
            guard invitation.revokedAt == nil else { return invitation }
            invitation.revokedAt = time
            try transaction.query(Self.table.updateSQL, Self.table.updateBinds(from: invitation.sqliteValues()))
            return invitation
        }
    }

    func find(tokenHash: String) async throws -> Invitation? {
        let sql = "SELECT \(Self.table.selectList) FROM \(Self.table.name) WHERE token_hash = ?"
        let rows = try await self.connections.read { try $0.query(sql, [.text(tokenHash)]) }
        return try rows.first.map(Invitation.init(sqliteRow:))
    }

    func accept(_ id: InvitationID, by user: UserID, at time: Date, limits: UsageLimits) async throws -> Membership {
        // The conditional update is what makes a token single-use; a failed membership insert rolls it back.
        let markAccepted = """
            UPDATE \(Self.table.name) SET accepted_at = ?
            WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?
            RETURNING \(Self.table.selectList)
            """
        return try await self.connections.write { transaction in
            guard let row = try transaction.query(markAccepted, [.date(time), .id(id), .date(time)]).first else {
                throw InvitationTransitions.notPending
            }
            let invitation = try Invitation(sqliteRow: row)
            let membership = Membership(organizationID: invitation.organizationID, userID: user, role: invitation.role, createdAt: time, updatedAt: time)
            try SQLiteMembershipRepository.insert(membership, limits: limits, transaction: transaction)
            return membership
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
