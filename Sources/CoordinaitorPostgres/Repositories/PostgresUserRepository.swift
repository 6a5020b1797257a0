import CoordinaitorDomain
import PostgresNIO

struct PostgresUserRepository: UserRepository {
    let database: PostgresDatabase

    func create(_ user: User) async throws -> User {
        let u = Self.normalized(user)
        try await PostgresConstraintViolation.mapping(resource: "user") {
            _ = try await self.database.rows(
                """
                INSERT INTO users (id, email, name, password_hash, status, is_super_admin, created_at, updated_at)
                VALUES (
                    \(u.id.uuid), \(u.email), \(u.name), \(u.passwordHash), \(u.status.rawValue), \(u.isSuperAdmin),
                    \(MillisecondTimestamp(u.createdAt)), \(MillisecondTimestamp(u.updatedAt))
                )
                """
            )
        }
        return u
    }

    func find(id: UserID) async throws -> User? {
        let rows = try await self.database.rows("SELECT \(unescaped: PostgresColumns.user) FROM users WHERE id = \(id.uuid)")
        return try rows.first.map(User.init(postgresRow:))
    }

    func find(ids: [UserID]) async throws -> [User] {
        guard !ids.isEmpty else { return [] }
        let uuids = ids.map(\.uuid)
        let rows = try await self.database.rows(
            "SELECT \(unescaped: PostgresColumns.user) FROM users WHERE id = ANY(\(uuids)::uuid[]) ORDER BY id"
        )
        return try rows.map(User.init(postgresRow:))
    }

    func find(email: String) async throws -> User? {
        let normalized = Credentials.normalizedEmail(email)
        let rows = try await self.database.rows("SELECT \(unescaped: PostgresColumns.user) FROM users WHERE email = \(normalized)")
        return try rows.first.map(User.init(postgresRow:))
    }

    func update(_ user: User) async throws -> User {
        let u = Self.normalized(user)
        let updated = try await PostgresConstraintViolation.mapping(resource: "user") {
            try await self.database.rows(
                """
                UPDATE users SET
                    email = \(u.email), name = \(u.name), password_hash = \(u.passwordHash), status = \(u.status.rawValue),
                    is_super_admin = \(u.isSuperAdmin), created_at = \(MillisecondTimestamp(u.createdAt)),
                    updated_at = \(MillisecondTimestamp(u.updatedAt))
                WHERE id = \(u.id.uuid)
                RETURNING id
                """
            )
        }
        guard !updated.isEmpty else { throw ResourceError.notFound("user") }
        return u
    }

    /// The user as stored: the unique constraint only sees one spelling per account if every write normalizes.
    private static func normalized(_ user: User) -> User {
        var stored = user
        stored.email = Credentials.normalizedEmail(user.email)
        return stored
    }
}
