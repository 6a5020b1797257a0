import CoordinaitorDomain
import SQLiteNIO

struct SQLiteProjectRepository: ProjectRepository {
    private static let table = Project.sqliteTable
    let connections: SQLiteConnections

    func list(in scope: TenantScope, filter: ProjectFilter, page: PageRequest) async throws -> Page<Project> {
        var query = SQLiteListQuery(Self.table)
        query.filter("organization_id", equals: .id(scope.organizationID))
        query.filter("status", equals: filter.status.map { .raw($0) })
        return try await query.fetch(page, on: self.connections, decode: Project.init(sqliteRow:), cursor: \.id.description)
    }

    func find(in scope: TenantScope, id: ProjectID) async throws -> Project? {
        let rows = try await self.connections.read { try $0.query(Self.table.findSQL, [.id(scope.organizationID), .id(id)]) }
        return try rows.first.map(Project.init(sqliteRow:))
    }

    func create(in scope: TenantScope, _ project: Project, limits: UsageLimits) async throws -> Project {
        try ScopeMismatchError.check(project.organizationID, in: scope)
        try await SQLiteConstraintViolation.mapConflicts(resource: "project") {
            try await self.connections.write { transaction in
                try transaction.query(Self.table.insertSQL, project.sqliteValues())
                try SQLiteUsageLedger.apply([UsageCharge(.projects, 1)], limits: limits, in: scope, transaction: transaction)
            }
        }
        return project
    }

    func update(in scope: TenantScope, id: ProjectID, _ change: @Sendable (Project) throws -> Project) async throws -> Project {
        try await SQLiteConstraintViolation.mapConflicts(resource: "project") {
            try await self.connections.write { transaction in
                guard let row = try SQLiteTenantRows.find(in: Self.table, scope: scope, id: id, transaction: transaction) else {
                    throw ResourceError.notFound("project")
                }
                let updated = try change(try Project(sqliteRow: row))
                try SQLiteTenantRows.checkIdentity(id: updated.id, organizationID: updated.organizationID, expected: id, in: scope)
                try transaction.query(Self.table.updateSQL, Self.table.updateBinds(from: updated.sqliteValues()))
                return updated
            }
        }
    }

    func delete(in scope: TenantScope, id: ProjectID, limits: UsageLimits) async throws {
        try await self.connections.write { transaction in
            // Tasks outlive their project: unlink them first so the composite foreign key allows the delete.
            try transaction.query(
                "UPDATE tasks SET project_id = NULL WHERE organization_id = ? AND project_id = ?",
                [.id(scope.organizationID), .id(id)]
            )
            try SQLiteTenantRows.delete(from: Self.table, scope: scope, id: id, transaction: transaction)
            try SQLiteUsageLedger.apply([UsageCharge(.projects, -1)], limits: limits, in: scope, transaction: transaction)
        }
    }
}
