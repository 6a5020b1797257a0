import CoordinaitorDomain
import SQLiteNIO

struct SQLiteMembershipRepository: MembershipRepository {
    private static let table = Membership.sqliteTable
    let connections: SQLiteConnections

    func add(in scope: TenantScope, _ membership: Membership, limits: UsageLimits) async throws -> Membership {
        try ScopeMismatchError.check(membership.organizationID, in: scope)
        try await self.connections.write { try Self.insert(membership, limits: limits, transaction: $0) }
        return membership
    }

    func find(in scope: TenantScope, userID: UserID) async throws -> Membership? {
        let rows = try await self.connections.read { try $0.query(Self.table.findSQL, [.id(scope.organizationID), .id(userID)]) }
        return try rows.first.map(Membership.init(sqliteRow:))
    }

    func list(in scope: TenantScope, page: PageRequest) async throws -> Page<Membership> {
        var query = SQLiteListQuery(Self.table, order: .oldestFirst(by: "user_id"))
        query.filter("organization_id", equals: .id(scope.organizationID))
        return try await query.fetch(page, on: self.connections, decode: Membership.init(sqliteRow:), cursor: \.userID.description)
    }

    func update(in scope: TenantScope, userID: UserID, _ change: @Sendable (Membership) throws -> Membership) async throws -> Membership {
        try await self.connections.write { transaction in
            // The table's key is `(organization_id, user_id)`, so the shared lookup by key finds the membership.
            guard let row = try SQLiteTenantRows.find(in: Self.table, scope: scope, id: userID, transaction: transaction) else {
                throw ResourceError.notFound("membership")
            }
            let current = try Membership(sqliteRow: row)
            let updated = try change(current)
            try Self.checkKey(of: updated, userID: userID, in: scope)
            if current.role == .owner && updated.role != .owner {
                try Self.checkAnotherOwner(besides: userID, in: scope, transaction: transaction)
            }
            try transaction.query(Self.table.updateSQL, Self.table.updateBinds(from: updated.sqliteValues()))
            return updated
        }
    }

    func remove(
        in scope: TenantScope,
        userID: UserID,
        limits: UsageLimits,
        permitting: @Sendable (Membership) throws -> Void
    ) async throws {
        try await self.connections.write { transaction in
            guard let row = try SQLiteTenantRows.find(in: Self.table, scope: scope, id: userID, transaction: transaction) else {
                throw ResourceError.notFound("membership")
            }
            let membership = try Membership(sqliteRow: row)
            try permitting(membership)
            if membership.role == .owner {
                try Self.checkAnotherOwner(besides: userID, in: scope, transaction: transaction)
            }
            try transaction.query(Self.table.deleteSQL, [.id(scope.organizationID), .id(userID)])
            try SQLiteUsageLedger.apply([UsageCharge(.users, -1)], limits: limits, in: scope, transaction: transaction)
        }
    }

    func memberships(of userID: UserID) async throws -> [Membership] {
        let sql = "SELECT \(Self.table.selectList) FROM \(Self.table.name) WHERE user_id = ? ORDER BY organization_id"
        let rows = try await self.connections.read { try $0.query(sql, [.id(userID)]) }
        return try rows.map(Membership.init(sqliteRow:))
    }

    /// Inserts `membership` inside `transaction` and counts its seat (`users`) within `limits`; organization creation
    /// and invitation acceptance use it to add a member atomically with their own writes.
    ///
    /// The user is checked first because SQLite's foreign key errors do not say which key failed. Writes are
    /// serialized, so the check still holds when the insert runs.
    static func insert(_ membership: Membership, limits: UsageLimits, transaction: SQLiteTransaction) throws {
        let userQuery = "SELECT 1 FROM \(User.sqliteTable.name) WHERE id = ?"
        guard try !transaction.query(userQuery, [.id(membership.userID)]).isEmpty else {
            throw ResourceError.notFound("user", field: "userId")
        }
        try SQLiteConstraintViolation.mapConflicts(resource: "membership") {
            try transaction.query(Self.table.insertSQL, membership.sqliteValues())
        }
        let scope = TenantScope(organizationID: membership.organizationID)
        try SQLiteUsageLedger.apply([UsageCharge(.users, 1)], limits: limits, in: scope, transaction: transaction)
    }

    /// Refuses to demote or remove `userID`, an owner, unless another owner remains. SQLite's single writer runs one
    /// transaction at a time, so the count still holds when the change is written.
    private static func checkAnotherOwner(besides userID: UserID, in scope: TenantScope, transaction: SQLiteTransaction) throws {
        let sql = "SELECT 1 FROM \(Self.table.name) WHERE organization_id = ? AND role = ? AND user_id <> ? LIMIT 1"
        let otherOwners = try transaction.query(sql, [.id(scope.organizationID), .raw(Role.owner), .id(userID)])
        guard !otherOwners.isEmpty else {
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
