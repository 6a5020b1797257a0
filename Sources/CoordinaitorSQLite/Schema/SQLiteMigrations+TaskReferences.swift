extension SQLiteMigrations {
    /// The indexes behind the task list's `projectId` and `assignedAgentId` filters (and the unlinking of tasks when a
    /// project or agent is deleted) hold only tasks that have one. A task without a project or agent (a new task not
    /// yet claimed) was an entry in both, under its organization's null key: every creation wrote a leaf of each.
    /// Every query of them compares the column with `=`, which implies `IS NOT NULL`, so the planner still uses them.
    static let taskReferenceIndexes = SQLiteMigration(
        version: 7,
        name: "task project and agent indexes without tasks that have none",
        statements: [
            "DROP INDEX tasks_organization_id_project_id_idx",
            """
            CREATE INDEX tasks_organization_id_project_id_idx ON tasks (organization_id, project_id)
                WHERE project_id IS NOT NULL
            """,
            "DROP INDEX tasks_organization_id_assigned_agent_id_idx",
            """
            CREATE INDEX tasks_organization_id_assigned_agent_id_idx ON tasks (organization_id, assigned_agent_id)
                WHERE assigned_agent_id IS NOT NULL
            """,
        ]
    )
}
