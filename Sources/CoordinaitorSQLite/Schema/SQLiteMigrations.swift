/// Every migration, in version order. Append new ones; never edit one that has shipped.
///
/// The logical schema is the PostgreSQL one: tenant-owned tables are keyed by `(organization_id, id)`, their foreign
/// keys to each other are composite and led by `organization_id`, and so is every index.
enum SQLiteMigrations {
    static let all: [SQLiteMigration] = [
        initialSchema, usersAndMemberships, apiKeysAndInvitations, usageAndArtifacts, webhooks, audit, taskReferenceIndexes,
    ]

    static var latestVersion: Int { all.last?.version ?? 0 }

    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        )
        """

    private static let initialSchema = SQLiteMigration(
        version: 1,
        name: "organizations, projects, agents, tasks",
        statements: [
            """
            CREATE TABLE organizations (
                id TEXT NOT NULL PRIMARY KEY,
                name TEXT NOT NULL,
                display_name TEXT NOT NULL,
                subdomain TEXT NOT NULL,
                domain TEXT,
                tier TEXT NOT NULL CHECK (tier IN ('free', 'starter', 'professional', 'enterprise')),
                status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'pending', 'cancelled')),
                contact_email TEXT NOT NULL,
                settings TEXT NOT NULL CHECK (json_valid(settings)),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                created_by TEXT,
                CONSTRAINT organizations_name_key UNIQUE (name),
                CONSTRAINT organizations_subdomain_key UNIQUE (subdomain),
                CONSTRAINT organizations_domain_key UNIQUE (domain)
            )
            """,
            "CREATE INDEX organizations_status_id_idx ON organizations (status, id)",
            """
            CREATE TABLE projects (
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                id TEXT NOT NULL,
                name TEXT NOT NULL,
                description TEXT,
                status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'completed', 'archived')),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (organization_id, id),
                CONSTRAINT projects_organization_id_name_key UNIQUE (organization_id, name)
            )
            """,
            "CREATE INDEX projects_organization_id_status_id_idx ON projects (organization_id, status, id)",
            """
            CREATE TABLE agents (
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                id TEXT NOT NULL,
                name TEXT NOT NULL,
                provider TEXT NOT NULL CHECK (provider IN ('claude', 'gpt', 'gemini', 'llama', 'mistral', 'custom')),
                capabilities TEXT NOT NULL CHECK (json_valid(capabilities)),
                status TEXT NOT NULL CHECK (status IN ('idle', 'busy', 'offline', 'disabled')),
                max_concurrent_tasks INTEGER NOT NULL CHECK (max_concurrent_tasks > 0),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (organization_id, id),
                CONSTRAINT agents_organization_id_name_key UNIQUE (organization_id, name)
            )
            """,
            "CREATE INDEX agents_organization_id_status_id_idx ON agents (organization_id, status, id)",
            """
            CREATE TABLE tasks (
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                id TEXT NOT NULL,
                title TEXT NOT NULL,
                description TEXT,
                type TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'assigned', 'running', 'completed', 'failed', 'cancelled')),
                priority TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'critical')),
                project_id TEXT,
                assigned_agent_id TEXT,
                input TEXT CHECK (input IS NULL OR json_valid(input)),
                output TEXT CHECK (output IS NULL OR json_valid(output)),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                started_at INTEGER,
                completed_at INTEGER,
                PRIMARY KEY (organization_id, id),
                CONSTRAINT tasks_project_fkey FOREIGN KEY (organization_id, project_id)
                    REFERENCES projects (organization_id, id),
                CONSTRAINT tasks_assigned_agent_fkey FOREIGN KEY (organization_id, assigned_agent_id)
                    REFERENCES agents (organization_id, id)
            )
            """,
            "CREATE INDEX tasks_organization_id_status_id_idx ON tasks (organization_id, status, id)",
            "CREATE INDEX tasks_organization_id_project_id_idx ON tasks (organization_id, project_id)",
            "CREATE INDEX tasks_organization_id_assigned_agent_id_idx ON tasks (organization_id, assigned_agent_id)",
        ]
    )

    /// Users are global, not tenant-owned; memberships are keyed by `(organization_id, user_id)` like the other
    /// tenant-owned tables, plus one index led by `user_id` for "which organizations is this user in?".
    private static let usersAndMemberships = SQLiteMigration(
        version: 2,
        name: "users, memberships",
        statements: [
            """
            CREATE TABLE users (
                id TEXT NOT NULL PRIMARY KEY,
                email TEXT NOT NULL,
                name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
                is_super_admin INTEGER NOT NULL CHECK (is_super_admin IN (0, 1)),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                CONSTRAINT users_email_key UNIQUE (email)
            )
            """,
            """
            CREATE TABLE memberships (
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                user_id TEXT NOT NULL REFERENCES users (id),
                role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer', 'billing')),
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (organization_id, user_id)
            )
            """,
            "CREATE INDEX memberships_user_id_idx ON memberships (user_id)",
        ]
    )

    /// API keys and invitations are tenant-owned, keyed and listed by `(organization_id, id)` (the primary key serves
    /// the newest-first lists). Authentication and acceptance find them without a scope: by the unique `prefix` or
    /// `token_hash`, and by `id` alone for recording key use and accepting, hence the two `id` indexes. At most one
    /// invitation per email and organization may be pending (a partial unique index); accepted and revoked ones stay.
    private static let apiKeysAndInvitations = SQLiteMigration(
        version: 3,
        name: "api keys, invitations",
        statements: [
            """
            CREATE TABLE api_keys (
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                id TEXT NOT NULL,
                name TEXT NOT NULL,
                prefix TEXT NOT NULL,
                secret_hash TEXT NOT NULL,
                scopes TEXT NOT NULL CHECK (scopes IN (
                    '', 'agent', 'read', 'write', 'agent,read', 'agent,write', 'read,write', 'agent,read,write'
                )),
                created_by TEXT NOT NULL REFERENCES users (id),
                created_at INTEGER NOT NULL,
                expires_at INTEGER,
                last_used_at INTEGER,
                revoked_at INTEGER,
                PRIMARY KEY (organization_id, id),
                CONSTRAINT api_keys_prefix_key UNIQUE (prefix)
            )
            """,
            "CREATE INDEX api_keys_id_idx ON api_keys (id)",
            """
            CREATE TABLE invitations (
                organization_id TEXT NOT NULL REFERENCES organizations (id),
                id TEXT NOT NULL,
                email TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer', 'billing')),
                token_hash TEXT NOT NULL,
                invited_by TEXT NOT NULL REFERENCES users (id),
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                accepted_at INTEGER,
                revoked_at INTEGER,
                PRIMARY KEY (organization_id, id),
                CONSTRAINT invitations_token_hash_key UNIQUE (token_hash)
            )
            """,
            "CREATE INDEX invitations_id_idx ON invitations (id)",
            """
            CREATE UNIQUE INDEX invitations_pending_email_key ON invitations (organization_id, email)
            WHERE accepted_at IS NULL AND revoked_at IS NULL
            """,
        ]
    )
}
