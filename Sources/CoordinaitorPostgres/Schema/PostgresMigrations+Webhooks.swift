extension PostgresMigrations {
    /// Webhooks and their deliveries, tenant-owned and keyed by `(organization_id, id)` for Citus.
    ///
    /// Deliveries are listed per webhook (the index led by `organization_id, webhook_id`) and claimed by the
    /// dispatcher across organizations by due time: a partial index on `next_attempt_at` holds only pending rows, so
    /// it stays small however many deliveries have been made. `payload` is `json`, which keeps the text exactly as
    /// written (what is signed) while refusing anything that is not JSON. Deleting a webhook deletes its deliveries.
    static let webhooks = PostgresMigration(
        version: 5,
        name: "webhooks, webhook deliveries",
        statements: [
            """
            CREATE TABLE webhooks (
                organization_id uuid NOT NULL
                    CONSTRAINT webhooks_organization_fkey REFERENCES organizations (id) ON DELETE CASCADE,
                id uuid NOT NULL,
                url text NOT NULL CHECK (char_length(url) BETWEEN 1 AND 2048),
                description text,
                events text NOT NULL CHECK (events <> ''),
                secret text NOT NULL,
                active boolean NOT NULL,
                created_at timestamptz NOT NULL,
                CONSTRAINT webhooks_pkey PRIMARY KEY (organization_id, id)
            )
            """,
            """
            CREATE TABLE webhook_deliveries (
                organization_id uuid NOT NULL
                    CONSTRAINT webhook_deliveries_organization_fkey REFERENCES organizations (id) ON DELETE CASCADE,
                id uuid NOT NULL,
                webhook_id uuid NOT NULL,
                event_type text NOT NULL,
                event_id uuid NOT NULL,
                payload json NOT NULL,
                status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
                attempts integer NOT NULL CHECK (attempts >= 0),
                next_attempt_at timestamptz NOT NULL,
                last_status_code integer,
                last_error text CHECK (last_error IS NULL OR octet_length(last_error) <= 1024),
                created_at timestamptz NOT NULL,
                delivered_at timestamptz,
                CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (organization_id, id),
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
