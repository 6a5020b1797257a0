import CoordinaitorDomain
import Foundation
import PostgresNIO

struct PostgresOrganizationRepository: OrganizationRepository {
    let database: PostgresDatabase

    func create(_ organization: Organization, owner: Membership?) async throws -> Organization {
        if let owner { try ScopeMismatchError.check(owner.organizationID, in: TenantScope(organization)) }
        let o = organization
        let settings = try PostgresJSON.text(o.settings)
        let overrides = try PostgresJSON.text(o.planOverrides)
        let logger = self.database.logger
        try await PostgresConstraintViolation.mapping(resource: "organization") {
            try await self.database.transaction { connection in
                _ = try await connection.rows(
                    """
                    INSERT INTO organizations (
                        id, name, display_name, subdomain, domain, tier, status, contact_email, settings,
                        created_at, updated_at, created_by, plan_overrides
                    ) VALUES (
                        \(o.id.uuid), \(o.name), \(o.displayName), \(o.subdomain), \(o.domain), \(o.tier.rawValue),
                        \(o.status.rawValue), \(o.contactEmail), \(settings)::jsonb,
                        \(MillisecondTimestamp(o.createdAt)), \(MillisecondTimestamp(o.updatedAt)), \(o.createdBy?.uuid),
                        \(overrides)::jsonb
                    )
                    """,
                    logger: logger
                )
                // A missing owner fails `memberships_user_fkey`, which rolls the organization back too.
                if let owner {
                    // The owner is the first member; a new organization has no limit to check yet.
                    let limits = UsageLimits.unlimited(in: UsagePeriod(containing: o.createdAt))
                    try await PostgresMembershipRepository.insert(owner, limits: limits, on: connection, logger: logger)
                }
            }
        }
        return organization
    }

    func find(_ key: TenantKey) async throws -> Organization? {
        let query: PostgresQuery =
            switch key {
            case .id(let id):
                "SELECT \(unescaped: PostgresColumns.organization) FROM organizations WHERE id = \(id.uuid)"
            case .slug(let slug):
                // One statement, so both matches come from the same snapshot; the subdomain match sorts first.
                """
                SELECT \(unescaped: PostgresColumns.organization) FROM organizations
                WHERE subdomain = \(slug) OR name = \(slug)
                ORDER BY subdomain = \(slug) DESC
                LIMIT 1
                """
            case .domain(let domain):
                "SELECT \(unescaped: PostgresColumns.organization) FROM organizations WHERE domain = \(domain)"
            }
        return try await self.database.rows(query).first.map(Organization.init(postgresRow:))
    }

    func update(_ organization: Organization, ifUpdatedAt expected: Date) async throws -> Organization? {
        guard try await self.write(organization, ifUpdatedAt: expected) else {
            guard try await !self.database.rows("SELECT 1 FROM organizations WHERE id = \(organization.id.uuid)").isEmpty else {
                throw ResourceError.notFound("organization")
            }
            return nil
        }
        return organization
    }

    func update(_ organization: Organization) async throws -> Organization {
        guard try await self.write(organization, ifUpdatedAt: nil) else { throw ResourceError.notFound("organization") }
        return organization
    }

    /// Rewrites the row, only if its `updated_at` is `expected` when one is given; returns whether a row was written.
    private func write(_ o: Organization, ifUpdatedAt expected: Date?) async throws -> Bool {
        let settings = try PostgresJSON.text(o.settings)
        let overrides = try PostgresJSON.text(o.planOverrides)
        let expected = expected.map(MillisecondTimestamp.init)
        let updated = try await PostgresConstraintViolation.mapping(resource: "organization") {
            try await self.database.rows(
                """
                UPDATE organizations SET
                    name = \(o.name), display_name = \(o.displayName), subdomain = \(o.subdomain), domain = \(o.domain),
                    tier = \(o.tier.rawValue), status = \(o.status.rawValue), contact_email = \(o.contactEmail),
                    settings = \(settings)::jsonb, created_at = \(MillisecondTimestamp(o.createdAt)),
                    updated_at = \(MillisecondTimestamp(o.updatedAt)), created_by = \(o.createdBy?.uuid),
                    plan_overrides = \(overrides)::jsonb
                WHERE id = \(o.id.uuid) AND (\(expected)::timestamptz IS NULL OR updated_at = \(expected))
                RETURNING id
                """
            )
        }
        return !updated.isEmpty
    }

    func purge(_ id: OrganizationID) async throws {
        let logger = self.database.logger
        try await self.database.transaction { connection in
            for table in TenantOwnedTables.deletionOrder {
                // Table names come from a fixed list, never from input.
                _ = try await connection.rows("DELETE FROM \(unescaped: table) WHERE organization_id = \(id.uuid)", logger: logger)
            }
            let deleted = try await connection.rows("DELETE FROM organizations WHERE id = \(id.uuid) RETURNING id", logger: logger)
            if deleted.isEmpty { throw ResourceError.notFound(OrganizationKind.resourceName) }
        }
    }

    func list(filter: OrganizationFilter, page: PageRequest) async throws -> Page<Organization> {
        let cursor = try PostgresPage.cursor(page)
        let status = filter.status
        let tier = filter.tier?.rawValue
        let pattern = filter.likePattern
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.organization) FROM organizations
            WHERE (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue))
              AND (\(tier)::text IS NULL OR tier = \(tier))
              AND (\(pattern)::text IS NULL OR lower(name) LIKE \(pattern) OR lower(display_name) LIKE \(pattern) OR lower(subdomain) LIKE \(pattern))
              AND (\(cursor)::uuid IS NULL OR id < \(cursor))
            ORDER BY id DESC
            LIMIT \(PostgresPage.fetchLimit(page))
            """
        )
        return try PostgresPage.page(rows, for: page, decode: Organization.init(postgresRow:), cursor: \.id.description)
    }
}
