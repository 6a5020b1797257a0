extension SQLiteMigrations {
    /// The append-only, tamper-evident audit log: one hash chain per organization plus the platform's.
    ///
    /// `position` is an `AUTOINCREMENT` rowid, so a number freed by pruning is never handed out again and list
    /// cursors stay unambiguous. `organization_id` is the chain's storage key (`''` for the platform chain) and has
    /// deliberately no foreign key: purging an organization must leave its audit entries, which are evidence rather
    /// than tenant data. `audit_chain_heads` holds each chain's last sequence number and MAC (what the next append
    /// links to, and what shows a deleted last entry) and the boundary up to which entries were pruned on purpose.
    ///
    /// The trigger refuses every `UPDATE` of `audit_logs`, so an edit needs a schema change, not just a stray
    /// statement; `DELETE` stays possible because pruning deletes the oldest entries. The MACs, not the trigger, are
    /// what detects tampering by someone who can change the schema.
    static let audit = SQLiteMigration(
        version: 6,
        name: "audit logs, audit chain heads",
        statements: [
            """
            CREATE TABLE audit_logs (
                position INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL,
                organization_id TEXT NOT NULL,
                sequence INTEGER NOT NULL CHECK (sequence > 0),
                occurred_at INTEGER NOT NULL,
                actor_type TEXT NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system', 'anonymous')),
                actor_id TEXT,
                actor_email TEXT,
                action TEXT NOT NULL,
                target_type TEXT,
                target_id TEXT,
                result TEXT NOT NULL CHECK (result IN ('success', 'denied', 'failure')),
                ip_address TEXT,
                user_agent TEXT,
                request_id TEXT,
                metadata TEXT NOT NULL CHECK (json_valid(metadata) AND json_type(metadata) = 'object'),
                mac TEXT NOT NULL,
                CONSTRAINT audit_logs_id_key UNIQUE (id),
                CONSTRAINT audit_logs_organization_id_sequence_key UNIQUE (organization_id, sequence),
                CHECK ((target_type IS NULL) = (target_id IS NULL))
            )
            """,
            "CREATE INDEX audit_logs_organization_id_position_idx ON audit_logs (organization_id, position)",
            "CREATE INDEX audit_logs_organization_id_action_position_idx ON audit_logs (organization_id, action, position)",
            "CREATE INDEX audit_logs_organization_id_occurred_at_idx ON audit_logs (organization_id, occurred_at)",
            """
            CREATE TRIGGER audit_logs_append_only BEFORE UPDATE ON audit_logs
            BEGIN
                SELECT RAISE(ABORT, 'audit_logs is append-only: entries cannot be updated');
            END
            """,
            """
            CREATE TABLE audit_chain_heads (
                organization_id TEXT NOT NULL PRIMARY KEY,
                last_sequence INTEGER NOT NULL CHECK (last_sequence >= 0),
                last_mac TEXT NOT NULL,
                pruned_through_sequence INTEGER NOT NULL DEFAULT 0
                    CHECK (pruned_through_sequence BETWEEN 0 AND last_sequence),
                pruned_through_mac TEXT NOT NULL DEFAULT ''
            )
            """,
        ]
    )
}
