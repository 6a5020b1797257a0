/// Select lists, constant text spliced into queries with `unescaped:` (never built from input). JSON columns are read
/// as text and decoded with `JSONDecoder`, the same way they are written. Each list is in the order its model's
/// `init(postgresRow:)` reads the columns, which lets `PostgresRowReader` walk the row instead of looking names up.
enum PostgresColumns {
    static let organization = """
        id, name, display_name, subdomain, domain, tier, status, contact_email, settings::text AS settings, \
        created_at, updated_at, created_by, plan_overrides::text AS plan_overrides
        """

    static let project = "id, organization_id, name, description, status, created_at, updated_at"

    static let agent = """
        id, organization_id, name, provider, capabilities::text AS capabilities, status, max_concurrent_tasks, \
        created_at, updated_at
        """

    static let task = """
        id, organization_id, title, description, type, status, priority, project_id, assigned_agent_id, \
        input::text AS input, output::text AS output, created_at, updated_at, started_at, completed_at, stored_bytes
        """

    static let user = "id, email, name, password_hash, status, is_super_admin, created_at, updated_at"

    static let membership = "organization_id, user_id, role, created_at, updated_at"

    static let apiKey = """
        id, organization_id, name, prefix, secret_hash, scopes, created_by, created_at, expires_at, last_used_at, \
        revoked_at
        """

    static let invitation = """
        id, organization_id, email, role, token_hash, invited_by, created_at, expires_at, accepted_at, revoked_at
        """

    /// An artifact without its content: lists never load the bytes.
    static let artifact = "organization_id, task_id, name, content_type, size, sha256, created_at, updated_at"
}
