import CoordinaitorDomain
import NIOCore
import SQLiteNIO

extension TaskArtifact {
    /// The columns of an artifact without its content: lists never load the bytes.
    static let sqliteColumns = "organization_id, task_id, name, content_type, size, sha256, created_at, updated_at"

    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = SQLiteRowReader(row, table: "task_artifacts")
        let name = try reader.string("name")
        guard let artifactName = try? ArtifactName(name) else {
            throw SQLiteStoredValueError(table: "task_artifacts", column: "name", reason: "invalid artifact name '\(name)'")
        }
        self.init(
            organizationID: try reader.id("organization_id"),
            taskID: try reader.id("task_id"),
            name: artifactName,
            contentType: try reader.string("content_type"),
            size: Int64(try reader.int("size")),
            sha256: try reader.string("sha256"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at")
        )
    }

    /// The `content` column as bytes. An empty blob may come back as NULL.
    static func sqliteContent(_ row: some SQLiteRowValues) throws -> [UInt8] {
        switch row.column("content") {
        case .blob(let buffer): Array(buffer.readableBytesView)
        case .null: []
        default: throw SQLiteStoredValueError(table: "task_artifacts", column: "content", reason: "expected a blob")
        }
    }
}
