import CoordinaitorDomain
import Foundation

extension ContractFixtures {
    /// An artifact of `task` whose size is the content's. The digest is a placeholder: storage does not check it.
    package static func artifact(
        _ name: String,
        of task: WorkTask,
        content: [UInt8],
        contentType: String = "text/plain",
        createdAt: Date = TestDates.at(80),
        updatedAt: Date? = nil
    ) throws -> TaskArtifact {
        TaskArtifact(
            organizationID: task.organizationID,
            taskID: task.id,
            name: try ArtifactName(name),
            contentType: contentType,
            size: Int64(content.count),
            sha256: String(repeating: "ab", count: 32),
            createdAt: createdAt,
            updatedAt: updatedAt ?? createdAt
        )
    }

    /// A task whose input is a JSON string of `characters` letters: `characters + 2` bytes of storage.
    package static func task(_ title: String, in organization: Organization, inputCharacters characters: Int) -> WorkTask {
        var task = self.task(title, in: organization)
        task.input = .string(String(repeating: "x", count: characters))
        return task
    }
}
