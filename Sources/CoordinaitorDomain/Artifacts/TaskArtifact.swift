import FoundationEssentials

/// A file an agent stores with a task (logs, patches, reports), counted towards the organization's storage.
package struct TaskArtifact: Hashable, Sendable {
    /// The largest artifact accepted: 10 MiB.
    package static let maximumSize = 10 << 20

    package var organizationID: OrganizationID
    package var taskID: TaskID
    package var name: ArtifactName
    package var contentType: String
    package var size: Int64
    /// Lower-case hex SHA-256 of the content, for clients to check what they downloaded.
    package var sha256: String
    package var createdAt: Date
    package var updatedAt: Date

    package init(
        organizationID: OrganizationID,
        taskID: TaskID,
        name: ArtifactName,
        contentType: String,
        size: Int64,
        sha256: String,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.organizationID = organizationID
        self.taskID = taskID
        self.name = name
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// An artifact's name within its task: 1 to 128 characters of letters, digits, `.`, `_` and `-`, not starting with a
/// dot, so that it is safe in a URL path segment and as a file name in exports.
package struct ArtifactName: Hashable, Sendable, CustomStringConvertible {
    package let value: String

    package init(_ value: String) throws(ValidationError) {
        let allowed = value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
        guard !value.isEmpty, value.utf8.count <= 128, allowed, !value.hasPrefix(".") else {
            throw ValidationError(field: "name", "Must be 1 to 128 letters, digits, '.', '_' or '-', not starting with '.'.")
        }
        self.value = value
    }

    package var description: String { self.value }
}

/// The content type stored with an artifact: what the client sent, if it looks like one, else binary.
package enum ArtifactContentType {
    package static let fallback = "application/octet-stream"

    package static func normalized(_ header: String?) -> String {
        guard let header else { return fallback }
        let trimmed = header.trimmed
        let looksValid = trimmed.utf8.count <= 255 && trimmed.contains("/") && trimmed.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 }
        return looksValid ? trimmed : fallback
    }
}
