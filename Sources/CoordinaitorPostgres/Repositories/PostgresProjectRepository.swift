import CoordinaitorDomain
import PostgresNIO

struct PostgresProjectRepository: ProjectRepository {
    let database: PostgresDatabase

    func list(in scope: TenantScope, filter: ProjectFilter, page: PageRequest) async throws -> Page<Project> {
        let cursor = try PostgresPage.cursor(page)
        let status = filter.status?.rawValue
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.project) FROM projects
            WHERE organization_id = \(scope.organizationID.uuid)
              AND (\(status)::text IS NULL OR status = \(status))
              AND (\(cursor)::uuid IS NULL OR id < \(cursor))
            ORDER BY id DESC
            LIMIT \(PostgresPage.fetchLimit(page))
            """
        )
        return try PostgresPage.page(rows, for: page, decode: Project.init(postgresRow:), cursor: \.id.description)
    }

    func find(in scope: TenantScope, id: ProjectID) async throws -> Project? {
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresColumns.project) FROM projects
            WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
            """
        )
        return try rows.first.map(Project.init(postgresRow:))
    }

    func create(in scope: TenantScope, _ project: Project, limits: UsageLimits) async throws -> Project {
        try ScopeMismatchError.check(project.organizationID, in: scope)
        let p = project
        let logger = self.database.logger
        try await PostgresConstraintViolation.mapping(resource: "project") {
            try await self.database.transaction { connection in
                _ = try await connection.rows(
                    """
                    INSERT INTO projects (organization_id, id, name, description, status, created_at, updated_at)
                    VALUES (
                        \(p.organizationID.uuid), \(p.id.uuid), \(p.name), \(p.description), \(p.status.rawValue),
                        \(MillisecondTimestamp(p.createdAt)), \(MillisecondTimestamp(p.updatedAt))
                    )
                    """,
                    logger: logger
                )
                try await PostgresUsageLedger.apply([UsageCharge(.projects, 1)], limits: limits, in: scope, on: connection, logger: logger)
            }
        }
        return project
    }

    func update(in scope: TenantScope, id: ProjectID, _ change: @Sendable (Project) throws -> Project) async throws -> Project {
        let logger = self.database.logger
        return try await PostgresConstraintViolation.mapping(resource: "project") {
            try await self.database.transaction { connection in
                let rows = try await connection.rows(
                    """
                    SELECT \(unescaped: PostgresColumns.project) FROM projects
                    WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
                    FOR UPDATE
                    """,
                    logger: logger
                )
                guard let row = rows.first else { throw ResourceError.notFound("project") }
                let p = try change(try Project(postgresRow: row))
                try PostgresTenantRows.checkIdentity(id: p.id, organizationID: p.organizationID, expected: id, in: scope)
                _ = try await connection.rows(
                    """
                    UPDATE projects SET
                        name = \(p.name), description = \(p.description), status = \(p.status.rawValue),
                        created_at = \(MillisecondTimestamp(p.createdAt)), updated_at = \(MillisecondTimestamp(p.updatedAt))
                    WHERE organization_id = \(scope.organizationID.uuid) AND id = \(id.uuid)
                    """,
                    logger: logger
                )
                return p
            }
        }
    }

    func delete(in scope: TenantScope, id: ProjectID, limits: UsageLimits) async throws {
        let logger = self.database.logger
        let organizationID = scope.organizationID.uuid
        try await self.database.transaction { connection in
            try await PostgresTenantRows.lockForDelete(
                "SELECT 1 FROM projects WHERE organization_id = \(organizationID) AND id = \(id.uuid) FOR UPDATE",
                resource: "project",
                on: connection,
                logger: logger
            )
            // Tasks outlive their project: unlink them first so the composite foreign key allows the delete.
            _ = try await connection.rows(
                "UPDATE tasks SET project_id = NULL WHERE organization_id = \(organizationID) AND project_id = \(id.uuid)",
                logger: logger
            )
            _ = try await connection.rows(
                "DELETE FROM projects WHERE organization_id = \(organizationID) AND id = \(id.uuid)",
                logger: logger
            )
            try await PostgresUsageLedger.apply([UsageCharge(.projects, -1)], limits: limits, in: scope, on: connection, logger: logger)
        }
    }
}
