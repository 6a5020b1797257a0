import CoordinaitorDomain

/// An artifact's description, without its content.
struct ArtifactResponse: Encodable, Sendable {
    var taskId: String
    var name: String
    var contentType: String
    var size: Int64
    var sha256: String
    var createdAt: String
    var updatedAt: String

    init(_ artifact: TaskArtifact) {
        self.taskId = artifact.taskID.description
        self.name = artifact.name.value
        self.contentType = artifact.contentType
        self.size = artifact.size
        self.sha256 = artifact.sha256
        self.createdAt = Timestamp.format(artifact.createdAt)
        self.updatedAt = Timestamp.format(artifact.updatedAt)
    }
}

struct ArtifactListResponse: Encodable, Sendable {
    var artifacts: [ArtifactResponse]
}
