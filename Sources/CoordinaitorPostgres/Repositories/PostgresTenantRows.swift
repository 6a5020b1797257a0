import CoordinaitorDomain
import PostgresNIO

/// Checks shared by the tenant-owned repositories.
enum PostgresTenantRows {
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

    /// Locks the row with `FOR UPDATE` before a delete, so that a concurrent task insert that references it (and holds
    /// `FOR KEY SHARE` on it) either finishes first or then finds it gone.
    static func lockForDelete(_ query: PostgresQuery, resource: String, on connection: PostgresConnection, logger: Logger) async throws {
        guard try await !connection.rows(query, logger: logger).isEmpty else { throw ResourceError.notFound(resource) }
    }
}
