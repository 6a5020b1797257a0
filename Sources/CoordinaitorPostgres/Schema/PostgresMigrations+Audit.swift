extension PostgresMigrations {
    /// The append-only, tamper-evident audit log: one hash chain per organization plus the platform's.
    ///
    /// `position` is an identity column, never reused after a prune, which orders the log and keys list cursors.
    /// `organization_id` is the chain's storage key as text (`''` for the platform chain) and has deliberately no
    /// foreign key: purging an organization must leave its audit entries, which are evidence rather than tenant data.
    /// `organization_id` (in both tables) and `action` sort in `C` collation, byte order as in SQLite, so chains list
    /// in the same order on both backends and the `(organization_id, action, position)` index also serves
    /// `LIKE 'task.%'` prefix filters whatever the database's locale. `audit_chain_heads` holds each chain's last
    /// sequence number and MAC (the row appends lock, so a chain never forks, and what shows a deleted last entry) and
    /// the boundary up to which entries were pruned on purpose.
    ///
    /// The statement-level trigger refuses every `UPDATE` of `audit_logs`, even one that matches no row, so an edit
    /// needs a schema change, not just a stray statement; `DELETE` stays possible because pruning deletes the oldest
    /// entries. The MACs, not the trigger, are what detects tampering by someone who can change the schema.
    static let audit = PostgresMigration(
        version: 6,
        name: "audit logs, audit chain heads",
        statements: [
            """
            CREATE TABLE audit_logs (
                position bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT audit_logs_pkey PRIMARY KEY,
                id uuid NOT NULL CONSTRAINT audit_logs_id_key UNIQUE,
                organization_id text COLLATE "C" NOT NULL,
                sequence bigint NOT NULL CHECK (sequence > 0),
                occurred_at timestamptz NOT NULL,
                actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system', 'anonymous')),
                actor_id text,
                actor_email text,
                action text COLLATE "C" NOT NULL,
                target_type text,
                target_id text,
                result text NOT NULL CHECK (result IN ('success', 'denied', 'failure')),
                ip_address text,
                user_agent text,
                request_id text,
                metadata jsonb NOT NULL CHECK (jsonb_typeof(metadata) = 'object'),
                mac text NOT NULL,
                CONSTRAINT audit_logs_organization_id_sequence_key UNIQUE (organization_id, sequence),
                CONSTRAINT audit_logs_target_check CHECK ((target_type IS NULL) = (target_id IS NULL))
            )
            """,
            "CREATE INDEX audit_logs_organization_id_position_idx ON audit_logs (organization_id, position)",
            "CREATE INDEX audit_logs_organization_id_action_position_idx ON audit_logs (organization_id, action, position)",
            "CREATE INDEX audit_logs_organization_id_occurred_at_idx ON audit_logs (organization_id, occurred_at)",
            """
            CREATE FUNCTION audit_logs_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_logs is append-only: entries cannot be updated'
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """,
            """
            CREATE TRIGGER audit_logs_append_only BEFORE UPDATE ON audit_logs
            FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_refuse_update()
            """,
            """
            CREATE TABLE audit_chain_heads (
                organization_id text COLLATE "C" NOT NULL CONSTRAINT audit_chain_heads_pkey PRIMARY KEY,
                last_sequence bigint NOT NULL CHECK (last_sequence >= 0),
                last_mac text NOT NULL,
                pruned_through_sequence bigint NOT NULL DEFAULT 0
                    CHECK (pruned_through_sequence BETWEEN 0 AND last_sequence),
                pruned_through_mac text NOT NULL DEFAULT ''
            )
            """,
        ]
    )
}
