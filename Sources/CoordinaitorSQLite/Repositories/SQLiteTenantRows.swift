import CoordinaitorDomain
import SQLiteNIO

/// Statements shared by the tenant-owned repositories. Every one is keyed by `(organization_id, id)`.
enum SQLiteTenantRows {
    /// The row of `table` with `id` in `scope`, read inside `transaction` so that a following write sees the same state.
    static func find<Kind>(
        in table: SQLiteTable,
        scope: TenantScope,
        id: TypedID<Kind>,
        transaction: SQLiteTransaction
    ) throws -> SQLiteResultRow? {
        try transaction.query(table.findSQL, [.id(scope.organizationID), .id(id)]).first
    }

    /// Whether a row of `table` with `id` exists in `scope`.
    static func exists<Kind>(
        in table: SQLiteTable,
        scope: TenantScope,
        id: TypedID<Kind>,
        transaction: SQLiteTransaction
    ) throws -> Bool {
        let sql = "SELECT 1 FROM \(table.name) WHERE organization_id = ? AND id = ?"
        return try !transaction.query(sql, [.id(scope.organizationID), .id(id)]).isEmpty
    }

    /// Deletes the row, throwing `notFound` (which rolls the transaction back) when there is none in scope.
    static func delete<Kind>(
        from table: SQLiteTable,
        scope: TenantScope,
        id: TypedID<Kind>,
        transaction: SQLiteTransaction
    ) throws {
        let deleted = try transaction.query(table.deleteSQL, [.id(scope.organizationID), .id(id)])
        guard !deleted.isEmpty else { throw ResourceError.notFound(Kind.resourceName) }
    }

    /// Checks that `change` kept the row's identity: a changed id or organization would write to another row.
    static func checkIdentity<Kind>(
        id changedID: TypedID<Kind>,
        organizationID: OrganizationID,
        expected id: TypedID<Kind>,
        in scope: TenantScope
    ) throws {
        try ScopeMismatchError.check(organizationID, in: scope)
        guard changedID == id else {
            throw ResourceError(
                code: .invalidTransition,
                resource: Kind.resourceName,
                field: "id",
                message: "The id of a \(Kind.resourceName) cannot change."
            )
        }
    }
}
