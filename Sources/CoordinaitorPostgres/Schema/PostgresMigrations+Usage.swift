extension PostgresMigrations {
    /// Usage counters, plan overrides, stored task bytes and task artifacts.
    ///
    /// `usage_counters` holds one row per organization, metric and period (`current` for capacities, `YYYY-MM` for
    /// monthly quotas and for the month snapshots of capacities); its row locks are what make concurrent charges take
    /// turns. `tasks.stored_bytes` remembers what each task was charged, so deleting it releases exactly that. Artifact
    /// names sort in `C` collation, byte order, as in SQLite. Existing data is counted once here; from then on the
    /// repositories keep the counters in step, in the same transactions as the rows they count.
    static let usageAndArtifacts = PostgresMigration(
        version: 4,
        name: "usage counters, plan overrides, task artifacts",
        statements: [
            """
            CREATE TABLE usage_counters (
                organization_id uuid NOT NULL
                    CONSTRAINT usage_counters_organization_fkey REFERENCES organizations (id) ON DELETE CASCADE,
                metric text NOT NULL,
                period text NOT NULL,
                used bigint NOT NULL DEFAULT 0 CHECK (used >= 0),
                CONSTRAINT usage_counters_pkey PRIMARY KEY (organization_id, metric, period)
            )
            """,
            "ALTER TABLE organizations ADD COLUMN plan_overrides jsonb NOT NULL DEFAULT '{}'",
            "ALTER TABLE tasks ADD COLUMN stored_bytes bigint NOT NULL DEFAULT 0 CHECK (stored_bytes >= 0)",
            // Existing tasks: the bytes of their JSON as text, an approximation of `WorkTask.storageBytes` that the
            // counter below agrees with, so a later delete releases what was counted.
            """
            UPDATE tasks SET stored_bytes = COALESCE(octet_length(input::text), 0) + COALESCE(octet_length(output::text), 0)
            """,
            """
            CREATE TABLE task_artifacts (
                organization_id uuid NOT NULL,
                task_id uuid NOT NULL,
                name text COLLATE "C" NOT NULL,
                content_type text NOT NULL,
                size bigint NOT NULL CHECK (size >= 0),
                sha256 text NOT NULL,
                content bytea NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL,
                CONSTRAINT task_artifacts_pkey PRIMARY KEY (organization_id, task_id, name),
                CONSTRAINT task_artifacts_task_fkey FOREIGN KEY (organization_id, task_id)
                    REFERENCES tasks (organization_id, id) ON DELETE CASCADE
            )
            """,
            """
            INSERT INTO usage_counters (organization_id, metric, period, used)
            SELECT organization_id, 'users', 'current', COUNT(*) FROM memberships GROUP BY organization_id
            """,
            """
            INSERT INTO usage_counters (organization_id, metric, period, used)
            SELECT organization_id, 'projects', 'current', COUNT(*) FROM projects GROUP BY organization_id
            """,
            """
            INSERT INTO usage_counters (organization_id, metric, period, used)
            SELECT organization_id, 'agents', 'current', COUNT(*) FROM agents GROUP BY organization_id
            """,
            """
            INSERT INTO usage_counters (organization_id, metric, period, used)
            SELECT organization_id, 'storage_bytes', 'current', SUM(stored_bytes) FROM tasks GROUP BY organization_id
            """,
            // The month of the migration keeps a snapshot of each capacity, as every later change writes one.
            """
            INSERT INTO usage_counters (organization_id, metric, period, used)
            SELECT organization_id, metric, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM'), used
            FROM usage_counters WHERE period = 'current'
            """,
            // Tasks created so far, per UTC month of creation.
            """
            INSERT INTO usage_counters (organization_id, metric, period, used)
            SELECT organization_id, 'tasks', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM'), COUNT(*)
            FROM tasks GROUP BY organization_id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM')
            """,
        ]
    )
}
