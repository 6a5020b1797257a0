import CoordinaitorDomain
import PostgresNIO

extension TaskArtifact {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "task_artifacts")
        let name = try reader.string("name")
        guard let artifactName = try? ArtifactName(name) else {
            throw PostgresStoredValueError(table: "task_artifacts", column: "name", reason: "invalid artifact name '\(name)'")
        }
        self.init(
            organizationID: try reader.id("organization_id"),
            taskID: try reader.id("task_id"),
            name: artifactName,
            contentType: try reader.string("content_type"),
            size: try reader.int64("size"),
            sha256: try reader.string("sha256"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at")
        )
    }
}
