import CoordinaitorDomain
import PostgresNIO

/// Turns constraint violations into domain errors by the constraint's name (see ``PostgresMigrations``).
enum PostgresConstraintViolation {
    private static let uniqueViolation = "23505"
    private static let foreignKeyViolation = "23503"

    /// The field each unique constraint protects.
    private static let uniqueFields: [String: String] = [
        "organizations_pkey": "id",
        "organizations_name_key": "name",
        "organizations_subdomain_key": "subdomain",
        "organizations_domain_key": "domain",
        "projects_pkey": "id",
        "projects_organization_id_name_key": "name",
        "agents_pkey": "id",
        "agents_organization_id_name_key": "name",
        "tasks_pkey": "id",
        "users_pkey": "id",
        "users_email_key": "email",
        "memberships_pkey": "userId",
        "api_keys_pkey": "id",
        "api_keys_prefix_key": "prefix",
        "invitations_pkey": "id",
        "invitations_token_hash_key": "tokenHash",
        "invitations_pending_email_key": "email",
    ]

    /// The resource and request field behind each foreign key between tenant-owned tables, and from them to users.
    private static let references: [String: (resource: String, field: String)] = [
        "tasks_project_fkey": ("project", "projectId"),
        "tasks_assigned_agent_fkey": ("agent", "assignedAgentId"),
        "memberships_user_fkey": ("user", "userId"),
    ]

    /// Runs `body`, rethrowing a known unique violation as `conflict` for `resource` and a known foreign key violation as
    /// `notFound` of the referenced resource. The repositories check references first; the keys are the safety net.
    @discardableResult
    static func mapping<Result>(resource: String, _ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as PSQLError {
            guard let serverInfo = error.serverInfo, let constraint = serverInfo[.constraintName] else { throw error }
            switch serverInfo[.sqlState] {
            case Self.uniqueViolation:
                guard let field = Self.uniqueFields[constraint] else { throw error }
                throw ResourceError.conflict(resource, field: field)
            case Self.foreignKeyViolation:
                guard let reference = Self.references[constraint] else { throw error }
                throw ResourceError.notFound(reference.resource, field: reference.field)
            default:
                throw error
            }
        }
    }
}
