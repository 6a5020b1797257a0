/// Every migration, in version order. Append new ones; never edit one that has shipped.
///
/// Laid out for Citus: tenant-owned tables are keyed by `(organization_id, id)`, their foreign keys to each other are
/// composite and led by `organization_id`, and so is every index, so the tables can later be distributed by
/// `organization_id` with `organizations` as a reference table. Constraint names are stable: errors are mapped by them.
enum PostgresMigrations {
    static let all: [PostgresMigration] = [
        initialSchema, usersAndMemberships, apiKeysAndInvitations, usageAndArtifacts, webhooks, audit, taskListVersions,
    ]

    static var latestVersion: Int { all.last?.version ?? 0 }

    /// Serializes migrations across every server that shares the database (an arbitrary, fixed 64-bit key).
    static let advisoryLockKey: Int64 = 0x436F_6F72_644D_6967

    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version integer PRIMARY KEY,
            name text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """

    private static let initialSchema = PostgresMigration(
        version: 1,
        name: "organizations, projects, agents, tasks",
        statements: [
            """
            CREATE TABLE organizations (
                id uuid NOT NULL CONSTRAINT organizations_pkey PRIMARY KEY,
                name text NOT NULL CONSTRAINT organizations_name_key UNIQUE,
                display_name text NOT NULL,
                subdomain text NOT NULL CONSTRAINT organizations_subdomain_key UNIQUE,
                domain text CONSTRAINT organizations_domain_key UNIQUE,
                tier text NOT NULL CHECK (tier IN ('free', 'starter', 'professional', 'enterprise')),
                status text NOT NULL CHECK (status IN ('active', 'suspended', 'pending', 'cancelled')),
                contact_email text NOT NULL,
                settings jsonb NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                created_by uuid
            )
            """,
            "CREATE INDEX organizations_status_id_idx ON organizations (status, id)",
            """
            CREATE TABLE projects (
                organization_id uuid NOT NULL REFERENCES organizations (id),
                id uuid NOT NULL,
                name text NOT NULL,
                description text,
                status text NOT NULL CHECK (status IN ('active', 'paused', 'completed', 'archived')),
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                CONSTRAINT projects_pkey PRIMARY KEY (organization_id, id),
                CONSTRAINT projects_organization_id_name_key UNIQUE (organization_id, name)
            )
            """,
            "CREATE INDEX projects_organization_id_status_id_idx ON projects (organization_id, status, id)",
            """
            CREATE TABLE agents (
                organization_id uuid NOT NULL REFERENCES organizations (id),
                id uuid NOT NULL,
                name text NOT NULL,
                provider text NOT NULL CHECK (provider IN ('claude', 'gpt', 'gemini', 'llama', 'mistral', 'custom')),
                capabilities jsonb NOT NULL,
                status text NOT NULL CHECK (status IN ('idle', 'busy', 'offline', 'disabled')),
                max_concurrent_tasks integer NOT NULL CHECK (max_concurrent_tasks > 0),
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                CONSTRAINT agents_pkey PRIMARY KEY (organization_id, id),
                CONSTRAINT agents_organization_id_name_key UNIQUE (organization_id, name)
            )
            """,
            "CREATE INDEX agents_organization_id_status_id_idx ON agents (organization_id, status, id)",
            """
            CREATE TABLE tasks (
                organization_id uuid NOT NULL REFERENCES organizations (id),
                id uuid NOT NULL,
                title text NOT NULL,
                description text,
                type text NOT NULL,
                status text NOT NULL CHECK (status IN ('pending', 'assigned', 'running', 'completed', 'failed', 'cancelled')),
                priority text NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'critical')),
                project_id uuid,
                assigned_agent_id uuid,
                input jsonb,
                output jsonb,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                started_at timestamptz,
                completed_at timestamptz,
                CONSTRAINT tasks_pkey PRIMARY KEY (organization_id, id),
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

    /// Users are global, not tenant-owned (a reference table under Citus); memberships are keyed by
    /// `(organization_id, user_id)` like the other tenant-owned tables, plus one index led by `user_id` for "which
    /// organizations is this user in?". Emails are stored normalized, so the plain unique constraint is
    /// case-insensitive in effect.
    private static let usersAndMemberships = PostgresMigration(
        version: 2,
        name: "users, memberships",
        statements: [
            """
            CREATE TABLE users (
                id uuid NOT NULL CONSTRAINT users_pkey PRIMARY KEY,
                email text NOT NULL CONSTRAINT users_email_key UNIQUE,
                name text NOT NULL,
                password_hash text NOT NULL,
                status text NOT NULL CHECK (status IN ('active', 'disabled')),
                is_super_admin boolean NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL
            )
            """,
            """
            CREATE TABLE memberships (
                organization_id uuid NOT NULL CONSTRAINT memberships_organization_fkey REFERENCES organizations (id),
                user_id uuid NOT NULL CONSTRAINT memberships_user_fkey REFERENCES users (id),
                role text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer', 'billing')),
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                CONSTRAINT memberships_pkey PRIMARY KEY (organization_id, user_id)
            )
            """,
            "CREATE INDEX memberships_user_id_idx ON memberships (user_id)",
        ]
    )

    /// API keys and invitations are tenant-owned, keyed and listed by `(organization_id, id)` (the primary key serves
    /// the newest-first lists). Authentication and acceptance find them without a scope: by the unique `prefix` or
    /// `token_hash`, and by `id` alone for recording key use and accepting, hence the two `id` indexes. (Under Citus
    /// the global unique keys would need a lookup table.) At most one invitation per email and organization may be
    /// pending (a partial unique index); accepted and revoked ones stay as history.
    private static let apiKeysAndInvitations = PostgresMigration(
        version: 3,
        name: "api keys, invitations",
        statements: [
            """
            CREATE TABLE api_keys (
                organization_id uuid NOT NULL CONSTRAINT api_keys_organization_fkey REFERENCES organizations (id),
                id uuid NOT NULL,
                name text NOT NULL,
                prefix text NOT NULL CONSTRAINT api_keys_prefix_key UNIQUE,
                secret_hash text NOT NULL,
                scopes text NOT NULL CHECK (scopes IN (
                    '', 'agent', 'read', 'write', 'agent,read', 'agent,write', 'read,write', 'agent,read,write'
                )),
                created_by uuid NOT NULL CONSTRAINT api_keys_created_by_fkey REFERENCES users (id),
                created_at timestamptz NOT NULL,
                expires_at timestamptz,
                last_used_at timestamptz,
                revoked_at timestamptz,
                CONSTRAINT api_keys_pkey PRIMARY KEY (organization_id, id)
            )
            """,
            "CREATE INDEX api_keys_id_idx ON api_keys (id)",
            """
            CREATE TABLE invitations (
                organization_id uuid NOT NULL CONSTRAINT invitations_organization_fkey REFERENCES organizations (id),
                id uuid NOT NULL,
                email text NOT NULL,
                role text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer', 'billing')),
                token_hash text NOT NULL CONSTRAINT invitations_token_hash_key UNIQUE,
                invited_by uuid NOT NULL CONSTRAINT invitations_invited_by_fkey REFERENCES users (id),
                created_at timestamptz NOT NULL,
                expires_at timestamptz NOT NULL,
                accepted_at timestamptz,
                revoked_at timestamptz,
                CONSTRAINT invitations_pkey PRIMARY KEY (organization_id, id)
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
