import CoordinaitorDomain
import PostgresNIO

struct PostgresMembershipRepository: MembershipRepository {
    let database: PostgresDatabase

    /// A missing user fails `memberships_user_fkey` (mapped to `notFound`), so no separate check can race.
    func add(in scope: TenantScope, _ membership: Membership, limits: UsageLimits) async throws -> Membership {
        try ScopeMismatchError.check(membership.organizationID, in: scope)
        let logger = self.database.logger
        try await PostgresConstraintViolation.mapping(resource: "membership") {
            try await self.database.transaction { connection in
                try await Self.insert(membership, limits: limits, on: connection, logger: logger)
            }
        }
        return membership
    }

    func find(in scope: TenantScope, userID: UserID) async throws -> Membership? {
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.membership) FROM memberships
            WHERE organization_id = \(scope.organizationID.uuid) AND user_id = \(userID.uuid)
            """
        )
        return try rows.first.map(Membership.init(postgresRow:))
    }

    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Membership> {
        let cursor = try PostgresPage.cursor(page)
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.membership) FROM memberships
            WHERE organization_id = \(scope.organizationID.uuid)
              AND (\(cursor)::uuid IS NULL OR user_id > \(cursor))
            ORDER BY user_id
            LIMIT \(PostgresPage.fetchLimit(page))
            """
        )
        return try PostgresPage.page(rows, for: page, decode: Membership.init(postgresRow:), cursor: \.userID.description)
    }

    func update(in scope: TenantScope, userID: UserID, _ change: @Sendable (Membership) throws -> Membership) async throws -> Membership {
        let logger = self.database.logger
        return try await self.database.transaction { connection in
            let owners = try await Self.lockOwners(in: scope, on: connection, logger: logger)
            let rows = try await connection.rows(
                """
                SELECT \(unescaped: PostgresColumns.membership) FROM memberships
                WHERE organization_id = \(scope.organizationID.uuid) AND user_id = \(userID.uuid)
                FOR UPDATE
                """,
                logger: logger
            )
            guard let row = rows.first else { throw ResourceError.notFound("membership") }
            let current = try Membership(postgresRow: row)
            let m = try change(current)
            try Self.checkKey(of: m, userID: userID, in: scope)
            if current.role == .owner && m.role != .owner { try Self.checkAnotherOwner(besides: userID, among: owners) }
            _ = try await connection.rows(
                """
                UPDATE memberships SET
                    role = \(m.role.rawValue), created_at = \(MillisecondTimestamp(m.createdAt)),
                    updated_at = \(MillisecondTimestamp(m.updatedAt))
                WHERE organization_id = \(scope.organizationID.uuid) AND user_id = \(userID.uuid)
                """,
                logger: logger
            )
            return m
        }
    }

    func remove(
        in scope: TenantScope,
        userID: UserID,
        limits: UsageLimits,
        permitting: @Sendable (Membership) throws -> Void
    ) async throws {
        let logger = self.database.logger
        try await self.database.transaction { connection in
            let owners = try await Self.lockOwners(in: scope, on: connection, logger: logger)
            let deleted = try await connection.rows(
                """
                DELETE FROM memberships
                WHERE organization_id = \(scope.organizationID.uuid) AND user_id = \(userID.uuid)
                RETURNING \(unescaped: PostgresColumns.membership)
                """,
                logger: logger
            )
            guard let row = deleted.first else { throw ResourceError.notFound("membership") }
            // Checked against the membership as deleted; throwing rolls the delete back.
            let membership = try Membership(postgresRow: row)
            try permitting(membership)
            if membership.role == .owner {
                try Self.checkAnotherOwner(besides: userID, among: owners)
            }
            try await PostgresUsageLedger.apply([UsageCharge(.users, -1)], limits: limits, in: scope, on: connection, logger: logger)
        }
    }

    func memberships(of userID: UserID) async throws -> [Membership] {
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.membership) FROM memberships
            WHERE user_id = \(userID.uuid)
            ORDER BY organization_id
            """
        )
        return try rows.map(Membership.init(postgresRow:))
    }

    /// Inserts `membership` and counts its seat (`users`) within `limits`, inside the caller's transaction; organization
    /// creation and invitation acceptance use it to add a member atomically with their own writes. The row goes in
    /// first, so an existing member is reported as a conflict even when no seat is left.
    static func insert(_ membership: Membership, limits: UsageLimits, on connection: PostgresConnection, logger: Logger) async throws {
        _ = try await connection.rows(Self.insertQuery(membership), logger: logger)
        let scope = TenantScope(organizationID: membership.organizationID)
        try await PostgresUsageLedger.apply([UsageCharge(.users, 1)], limits: limits, in: scope, on: connection, logger: logger)
    }

    /// The insert of one membership.
    private static func insertQuery(_ m: Membership) -> PostgresQuery {
        """
        INSERT INTO memberships (organization_id, user_id, role, created_at, updated_at)
        VALUES (
            \(m.organizationID.uuid), \(m.userID.uuid), \(m.role.rawValue),
            \(MillisecondTimestamp(m.createdAt)), \(MillisecondTimestamp(m.updatedAt))
        )
        """
    }

    /// Locks the organization's owner rows (in key order, so concurrent callers queue rather than deadlock) and returns
    /// their users. A concurrent demotion or removal of an owner waits here until this transaction ends, then re-reads
    /// the owners, so two transactions cannot each remove a different one of the last two owners.
    private static func lockOwners(in scope: TenantScope, on connection: PostgresConnection, logger: Logger) async throws -> Set<UserID> {
        let rows = try await connection.rows(
            """
            SELECT user_id FROM memberships
            WHERE organization_id = \(scope.organizationID.uuid) AND role = \(Role.owner.rawValue)
            ORDER BY user_id
            FOR UPDATE
            """,
            logger: logger
        )
        return Set(try rows.map { row in
            var reader = PostgresRowReader(row, table: "memberships")
            return try reader.id("user_id")
        })
    }

    /// Refuses to demote or remove `userID`, an owner, unless another of the locked owners remains.
    private static func checkAnotherOwner(besides userID: UserID, among owners: Set<UserID>) throws {
        guard owners.contains(where: { $0 != userID }) else {
            throw ResourceError(code: .invalidTransition, resource: "membership", field: "role", message: "An organization needs at least one owner.")
        }
    }

    /// Checks that `change` kept the membership's key: a changed organization or user would write to another row.
    private static func checkKey(of membership: Membership, userID: UserID, in scope: TenantScope) throws {
        try ScopeMismatchError.check(membership.organizationID, in: scope)
        guard membership.userID == userID else {
            throw ResourceError(code: .invalidTransition, resource: "membership", field: "userId", message: "The user of a membership cannot change.")
        }
    }
}
