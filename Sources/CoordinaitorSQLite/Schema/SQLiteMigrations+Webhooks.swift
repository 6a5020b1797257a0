extension SQLiteMigrations {
    /// Webhooks and their deliveries, tenant-owned and keyed by `(organization_id, id)`.
    ///
    /// Deliveries are listed per webhook (the index led by `organization_id, webhook_id`) and claimed by the
    /// dispatcher across organizations by due time: a partial index on `next_attempt_at` holds only pending rows, so
    /// it stays small however many deliveries have been made. Deleting a webhook deletes its deliveries.
    static let webhooks = SQLiteMigration(
        version: 5,
        name: "webhooks, webhook deliveries",
        statements: [
            """
            CREATE TABLE webhooks (
                organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                url TEXT NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
                description TEXT,
                events TEXT NOT NULL CHECK (events <> ''),
                secret TEXT NOT NULL,
                active INTEGER NOT NULL CHECK (active IN (0, 1)),
                created_at INTEGER NOT NULL,
                PRIMARY KEY (organization_id, id)
            )
            """,
            """
            CREATE TABLE webhook_deliveries (
                organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
                id TEXT NOT NULL,
                webhook_id TEXT NOT NULL,
                event_type TEXT NOT NULL,
                event_id TEXT NOT NULL,
                payload TEXT NOT NULL CHECK (json_valid(payload)),
                status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
                attempts INTEGER NOT NULL CHECK (attempts >= 0),
                next_attempt_at INTEGER NOT NULL,
                last_status_code INTEGER,
                last_error TEXT CHECK (last_error IS NULL OR length(CAST(last_error AS BLOB)) <= 1024),
                created_at INTEGER NOT NULL,
                delivered_at INTEGER,
                PRIMARY KEY (organization_id, id),
                CONSTRAINT webhook_deliveries_webhook_fkey FOREIGN KEY (organization_id, webhook_id)
                    REFERENCES webhooks (organization_id, id) ON DELETE CASCADE
            )
            """,
            """
            CREATE INDEX webhook_deliveries_organization_id_webhook_id_id_idx
            ON webhook_deliveries (organization_id, webhook_id, id)
            """,
            "CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'",
        ]
    )
}
