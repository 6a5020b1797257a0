import CoordinaitorDomain
import SQLiteNIO

struct SQLiteUserRepository: UserRepository {
    private static let table = User.sqliteTable
    let connections: SQLiteConnections

    func create(_ user: User) async throws -> User {
        let stored = Self.normalized(user)
        try await SQLiteConstraintViolation.mapConflicts(resource: "user") {
            try await self.connections.write { try $0.query(Self.table.insertSQL, stored.sqliteValues()) }
        }
        return stored
    }

    func find(id: UserID) async throws -> User? {
        let rows = try await self.connections.read { try $0.query(Self.table.findSQL, [.id(id)]) }
        return try rows.first.map(User.init(sqliteRow:))
    }

    func find(ids: [UserID]) async throws -> [User] {
        let distinctIDs = Array(Set(ids))
        guard !distinctIDs.isEmpty else { return [] }
        // One placeholder per id; the SQL text depends only on the count, never on the values.
        let placeholders = Array(repeating: "?", count: distinctIDs.count).joined(separator: ", ")
        let sql = "SELECT \(Self.table.selectList) FROM \(Self.table.name) WHERE id IN (\(placeholders)) ORDER BY id"
        let rows = try await self.connections.read { try $0.query(sql, distinctIDs.map { .id($0) }) }
        return try rows.map(User.init(sqliteRow:))
    }

    func find(email: String) async throws -> User? {
        let sql = "SELECT \(Self.table.selectList) FROM \(Self.table.name) WHERE email = ?"
        let rows = try await self.connections.read { try $0.query(sql, [.text(Credentials.normalizedEmail(email))]) }
        return try rows.first.map(User.init(sqliteRow:))
    }

    func update(_ user: User) async throws -> User {
        let stored = Self.normalized(user)
        let binds = Self.table.updateBinds(from: stored.sqliteValues())
        let updated = try await SQLiteConstraintViolation.mapConflicts(resource: "user") {
            try await self.connections.write { try $0.query(Self.table.updateSQL, binds) }
        }
        guard !updated.isEmpty else { throw ResourceError.notFound("user") }
        return stored
    }

    /// The user as stored: the unique constraint only sees one spelling per account if every write normalizes.
    private static func normalized(_ user: User) -> User {
        var stored = user
        stored.email = Credentials.normalizedEmail(user.email)
        return stored
    }
}
