import CoordinaitorDomain
import Foundation
import SQLiteNIO

struct SQLiteOrganizationRepository: OrganizationRepository {
    private static let table = Organization.sqliteTable
    let connections: SQLiteConnections

    func create(_ organization: Organization, owner: Membership?) async throws -> Organization {
        if let owner { try ScopeMismatchError.check(owner.organizationID, in: TenantScope(organization)) }
        let values = try organization.sqliteValues()
        try await SQLiteConstraintViolation.mapConflicts(resource: "organization") {
            try await self.connections.write { transaction in
                try transaction.query(Self.table.insertSQL, values)
                if let owner {
                    // The owner is the first member; a new organization has no limit to check yet.
                    let limits = UsageLimits.unlimited(in: UsagePeriod(containing: organization.createdAt))
                    try SQLiteMembershipRepository.insert(owner, limits: limits, transaction: transaction)
                }
            }
        }
        return organization
    }

    func find(_ key: TenantKey) async throws -> Organization? {
        let (condition, binds): (String, [SQLiteData]) =
            switch key {
            case .id(let id): ("id = ?", [.id(id)])
            // One statement, so both matches come from the same snapshot; the subdomain match sorts first.
            case .slug(let slug): ("subdomain = ?1 OR name = ?1 ORDER BY subdomain = ?1 DESC", [.text(slug)])
            case .domain(let domain): ("domain = ?", [.text(domain)])
            }
        let sql = "SELECT \(Self.table.selectList) FROM \(Self.table.name) WHERE \(condition) LIMIT 1"
        let rows = try await self.connections.read { try $0.query(sql, binds) }
        return try rows.first.map(Organization.init(sqliteRow:))
    }

    func update(_ organization: Organization, ifUpdatedAt expected: Date) async throws -> Organization? {
        try await self.write(organization, ifUpdatedAt: expected) ? organization : nil
    }

    func update(_ organization: Organization) async throws -> Organization {
        guard try await self.write(organization, ifUpdatedAt: nil) else { throw ResourceError.notFound("organization") }
        return organization
    }

    /// Rewrites the row, only if its `updated_at` is `expected` when one is given; returns whether a row was written.
    /// - Throws: `.notFound` when there is no such organization at all.
    private func write(_ organization: Organization, ifUpdatedAt expected: Date?) async throws -> Bool {
        var binds = Self.table.updateBinds(from: try organization.sqliteValues())
        var sql = Self.table.updateSQL
        if let expected {
            sql = sql.replacingOccurrences(of: " RETURNING ", with: " AND updated_at = ? RETURNING ")
            binds.append(.date(expected))
        }
        let (statement, values) = (sql, binds)
        return try await SQLiteConstraintViolation.mapConflicts(resource: "organization") {
            try await self.connections.write { transaction in
                guard try transaction.query(statement, values).isEmpty else { return true }
                let exists = try transaction.query("SELECT 1 FROM organizations WHERE id = ?", [.id(organization.id)])
                if exists.isEmpty { throw ResourceError.notFound("organization") }
                return false
            }
        }
    }

    func purge(_ id: OrganizationID) async throws {
        try await self.connections.write { transaction in
            for table in TenantOwnedTables.deletionOrder {
                // Table names come from a fixed list, never from input.
                _ = try transaction.query("DELETE FROM \(table) WHERE organization_id = ?", [.id(id)])
            }
            let deleted = try transaction.query("DELETE FROM organizations WHERE id = ? RETURNING id", [.id(id)])
            if deleted.isEmpty { throw ResourceError.notFound(OrganizationKind.resourceName) }
        }
    }

    func list(filter: OrganizationFilter, page: PageRequest) async throws -> Page<Organization> {
        var query = SQLiteListQuery(Self.table)
        query.filter("status", equals: filter.status.map { .raw($0) })
        query.filter("tier", equals: filter.tier.map { .raw($0) })
        query.filter(anyOf: ["name", "display_name", "subdomain"], like: filter.likePattern)
        return try await query.fetch(page, on: self.connections, decode: Organization.init(sqliteRow:), cursor: \.id.description)
    }
}
