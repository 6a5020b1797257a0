extension PostgresMigrations {
    /// A number per organization that moves whenever a statement changes its tasks, kept by triggers.
    ///
    /// Every node keeps rendered pages of task lists (`TaskListCache`); before serving one it reads this number, and
    /// serves the page only if the number is the one it was rendered under. Triggers rather than the repositories keep
    /// it, so no write can miss it: another node's, a bulk import's, a cascade's, or one made with `psql`. One row per
    /// organization, written at the end of each statement that touches its tasks (not per row), inside that
    /// statement's transaction: a reader sees the new number exactly when it can see the change. The row is
    /// the organization's own (keyed by `organization_id`, for Citus), and goes with the organization.
    static let taskListVersions = PostgresMigration(
        version: 7,
        name: "task list versions",
        statements: [
            """
            CREATE TABLE task_list_versions (
                organization_id uuid NOT NULL PRIMARY KEY
                    CONSTRAINT task_list_versions_organization_fkey REFERENCES organizations (id) ON DELETE CASCADE,
                version bigint NOT NULL
            )
            """,
            """
            CREATE FUNCTION task_list_versions_advance() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO task_list_versions (organization_id, version)
                SELECT DISTINCT organization_id, 1 FROM changed_tasks
                ORDER BY organization_id
                ON CONFLICT (organization_id) DO UPDATE SET version = task_list_versions.version + 1;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER tasks_inserted_advance_list_versions AFTER INSERT ON tasks
                REFERENCING NEW TABLE AS changed_tasks FOR EACH STATEMENT EXECUTE FUNCTION task_list_versions_advance()
            """,
            """
            CREATE TRIGGER tasks_updated_advance_list_versions AFTER UPDATE ON tasks
                REFERENCING NEW TABLE AS changed_tasks FOR EACH STATEMENT EXECUTE FUNCTION task_list_versions_advance()
            """,
            """
            CREATE TRIGGER tasks_deleted_advance_list_versions AFTER DELETE ON tasks
                REFERENCING OLD TABLE AS changed_tasks FOR EACH STATEMENT EXECUTE FUNCTION task_list_versions_advance()
            """,
        ]
    )
}
