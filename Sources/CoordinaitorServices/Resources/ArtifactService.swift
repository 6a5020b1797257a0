import CoordinaitorDomain
import Crypto

/// Files stored with tasks (by agents, mostly), counted towards the organization's storage limit.
package struct ArtifactService: Sendable {
    private let artifacts: any ArtifactRepository
    private let tasks: any TaskRepository
    private let time: any TimeSource
    private let gate: UsageGate
    private let audit: AuditTrail

    package init(artifacts: any ArtifactRepository, tasks: any TaskRepository, time: any TimeSource, gate: UsageGate, audit: AuditTrail) {
        self.audit = audit
        self.artifacts = artifacts
        self.tasks = tasks
        self.time = time
        self.gate = gate
    }

    /// Stores (or replaces) the artifact if the organization's storage has room for it.
    /// - Throws: ``ValidationError`` when larger than ``TaskArtifact/maximumSize``; ``ResourceError`` `.notFound`
    ///   (task); ``LimitExceededError``.
    package func put(
        in organization: Organization,
        taskID: TaskID,
        name: ArtifactName,
        contentType: String?,
        content: [UInt8]
    ) async throws -> TaskArtifact {
        guard content.count <= TaskArtifact.maximumSize else {
            throw ValidationError(field: "body", "An artifact may be at most \(TaskArtifact.maximumSize) bytes.")
        }
        let now = self.time.now()
        let digest = SHA256.hash(data: content).lowercaseHex
        let artifact = TaskArtifact(
            organizationID: organization.id,
            taskID: taskID,
            name: name,
            contentType: ArtifactContentType.normalized(contentType),
            size: Int64(content.count),
            sha256: digest,
            createdAt: now,
            updatedAt: now
        )
        let stored = try await self.gate.charging(organization) { limits in
            try await self.artifacts.put(in: TenantScope(organization), artifact, content: content, limits: limits)
        }
        self.audit.record(
            .artifactStored, in: organization.id, target: Self.target(taskID, name), metadata: ["size": String(stored.size), "sha256": stored.sha256]
        )
        return stored
    }

    /// The task's artifacts. - Throws: `.notFound` (task) when the task is not in scope, like every route naming it.
    package func list(in scope: TenantScope, taskID: TaskID) async throws -> [TaskArtifact] {
        let artifacts = try await self.artifacts.list(in: scope, taskID: taskID)
        // Only an empty list needs telling apart "no artifacts" from "no such task here".
        if artifacts.isEmpty, try await self.tasks.find(in: scope, id: taskID) == nil { throw ResourceError.notFound(TaskKind.resourceName) }
        return artifacts
    }

    package func get(in scope: TenantScope, taskID: TaskID, name: ArtifactName) async throws -> (artifact: TaskArtifact, content: [UInt8]) {
        guard let found = try await self.artifacts.find(in: scope, taskID: taskID, name: name) else { throw ResourceError.notFound("artifact") }
        return found
    }

    package func delete(in scope: TenantScope, taskID: TaskID, name: ArtifactName) async throws {
        try await self.gate.releasing(scope.organizationID) { try await self.artifacts.delete(in: scope, taskID: taskID, name: name, limits: $0) }
        self.audit.record(.artifactDeleted, in: scope.organizationID, target: Self.target(taskID, name))
    }

    private static func target(_ taskID: TaskID, _ name: ArtifactName) -> AuditTarget {
        AuditTarget(type: "artifact", id: "\(taskID)/\(name)")
    }
}
