extension SQLiteMigrations {
    /// Usage counters, plan overrides, stored task bytes and task artifacts.
    ///
    /// `usage_counters` holds one row per organization, metric and period (`current` for capacities, `YYYY-MM` for
    /// monthly quotas and for the month snapshots of capacities). `tasks.stored_bytes` remembers what each task was
    /// charged, so deleting it releases exactly that. Existing data is counted once here; from then on the
    /// repositories keep the counters in step, in the same transactions as the rows they count.
    static let usageAndArtifacts = SQLiteMigration(
        version: 4,
        name: "usage counters, plan overrides, task artifacts",
        statements: [
            """
            CREATE TABLE usage_counters (
                organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
                metric TEXT NOT NULL,
                period TEXT NOT NULL,
                used INTEGER NOT NULL DEFAULT 0 CHECK (used >= 0),
                PRIMARY KEY (organization_id, metric, period)
            )
            """,
            "ALTER TABLE organizations ADD COLUMN plan_overrides TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(plan_overrides))",
            "ALTER TABLE tasks ADD COLUMN stored_bytes INTEGER NOT NULL DEFAULT 0 CHECK (stored_bytes >= 0)",
            // Existing tasks: the bytes of their stored JSON text, an approximation of `WorkTask.storageBytes` that the
            // counter below agrees with, so a later delete releases what was counted.
            """
            UPDATE tasks SET stored_bytes = COALESCE(length(CAST(input AS BLOB)), 0) + COALESCE(length(CAST(output AS BLOB)), 0)
            """,
            """
            CREATE TABLE task_artifacts (
                organization_id TEXT NOT NULL,
                task_id TEXT NOT NULL,
                name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size INTEGER NOT NULL CHECK (size >= 0),
                sha256 TEXT NOT NULL,
                content BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (organization_id, task_id, name),
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
            SELECT organization_id, metric, strftime('%Y-%m', 'now'), used FROM usage_counters WHERE period = 'current'
            """,
            // Tasks created so far, per month of creation (`created_at` is milliseconds since 1970).
            """
            INSERT INTO usage_counters (organization_id, metric, period, used)
            SELECT organization_id, 'tasks', strftime('%Y-%m', created_at / 1000, 'unixepoch'), COUNT(*)
            FROM tasks GROUP BY organization_id, strftime('%Y-%m', created_at / 1000, 'unixepoch')
            """,
        ]
    )
}
