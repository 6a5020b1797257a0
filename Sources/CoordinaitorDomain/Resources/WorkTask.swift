import FoundationEssentials

/// A unit of work for an agent. (Named so as not to shadow Swift's `Task`.)
package struct WorkTask: Hashable, Sendable {
    package static let defaultType = "general"

    package var id: TaskID
    package var organizationID: OrganizationID
    package var title: String
    package var description: String?
    /// A token such as `code-review`.
    package var type: String
    package var status: TaskStatus
    package var priority: TaskPriority
    package var projectID: ProjectID?
    package var assignedAgentID: AgentID?
    /// Input and output as stored text: the list passes them to the response without decoding them.
    package var inputJSON: RawJSON?
    package var outputJSON: RawJSON?
    package var createdAt: Date
    package var updatedAt: Date
    package var startedAt: Date?
    package var completedAt: Date?

    package init(
        id: TaskID,
        organizationID: OrganizationID,
        title: String,
        description: String?,
        type: String,
        status: TaskStatus,
        priority: TaskPriority,
        projectID: ProjectID?,
        assignedAgentID: AgentID?,
        input: JSONValue?,
        output: JSONValue?,
        createdAt: Date,
        updatedAt: Date,
        startedAt: Date?,
        completedAt: Date?
    ) {
        self.init(
            id: id, organizationID: organizationID, title: title, description: description, type: type, status: status, priority: priority,
            projectID: projectID, assignedAgentID: assignedAgentID, inputJSON: input.map { RawJSON($0) }, outputJSON: output.map { RawJSON($0) },
            createdAt: createdAt, updatedAt: updatedAt, startedAt: startedAt, completedAt: completedAt
        )
    }

    /// A task with its input and output as JSON text (how the stores read them).
    package init(
        id: TaskID,
        organizationID: OrganizationID,
        title: String,
        description: String?,
        type: String,
        status: TaskStatus,
        priority: TaskPriority,
        projectID: ProjectID?,
        assignedAgentID: AgentID?,
        inputJSON: RawJSON?,
        outputJSON: RawJSON?,
        createdAt: Date,
        updatedAt: Date,
        startedAt: Date?,
        completedAt: Date?
    ) {
        self.id = id
        self.organizationID = organizationID
        self.title = title
        self.description = description
        self.type = type
        self.status = status
        self.priority = priority
        self.projectID = projectID
        self.assignedAgentID = assignedAgentID
        self.inputJSON = inputJSON
        self.outputJSON = outputJSON
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.startedAt = startedAt
        self.completedAt = completedAt
    }

    package var input: JSONValue? {
        get { self.inputJSON?.value }
        set { self.inputJSON = newValue.map { RawJSON($0) } }
    }

    package var output: JSONValue? {
        get { self.outputJSON?.value }
        set { self.outputJSON = newValue.map { RawJSON($0) } }
    }

    fileprivate static func check(title: String, description: String?, type: String, into collector: inout ValidationCollector) {
        TextRules.checkName(title, field: "title", into: &collector, length: TextRules.titleLength)
        TextRules.checkDescription(description, into: &collector)
        collector.check(TextRules.isToken(type), field: "type", "Must be 1 to 64 of a-z, 0-9, '_', '.', '-'.")
    }

    /// Stamps the times a status change implies.
    fileprivate mutating func enter(_ status: TaskStatus, at now: Date) {
        guard status != self.status else { return }
        self.status = status
        switch status {
        case .running:
            self.startedAt = now
            self.completedAt = nil
        case .completed, .failed, .cancelled:
            self.completedAt = now
        case .pending, .assigned:
            self.completedAt = nil
        }
    }
}

package struct NewTask: Hashable, Sendable {
    package var title: String
    package var description: String?
    package var type: String
    package var status: TaskStatus
    package var priority: TaskPriority
    package var projectID: ProjectID?
    package var assignedAgentID: AgentID?
    package var input: JSONValue?

    package init(
        title: String,
        description: String? = nil,
        type: String = WorkTask.defaultType,
        status: TaskStatus = .pending,
        priority: TaskPriority = .medium,
        projectID: ProjectID? = nil,
        assignedAgentID: AgentID? = nil,
        input: JSONValue? = nil
    ) {
        self.title = title
        self.description = description
        self.type = type
        self.status = status
        self.priority = priority
        self.projectID = projectID
        self.assignedAgentID = assignedAgentID
        self.input = input
    }

    package func task(id: TaskID, in scope: TenantScope, at now: Date) throws(ValidationError) -> WorkTask {
        var collector = ValidationCollector()
        WorkTask.check(title: self.title, description: self.description, type: self.type, into: &collector)
        collector.check(
            self.status == .pending || self.status == .assigned,
            field: "status",
            "A new task starts as pending or assigned."
        )
        collector.check(
            self.status != .assigned || self.assignedAgentID != nil,
            field: "assignedAgentId",
            "An assigned task needs an assigned agent."
        )
        try collector.throwIfAny()
        return WorkTask(
            id: id,
            organizationID: scope.organizationID,
            title: self.title.trimmed,
            description: self.description,
            type: self.type,
            status: self.status,
            priority: self.priority,
            projectID: self.projectID,
            assignedAgentID: self.assignedAgentID,
            input: self.input,
            output: nil,
            createdAt: now,
            updatedAt: now,
            startedAt: nil,
            completedAt: nil
        )
    }
}

/// The fields of a task a client may change. Status changes follow ``TaskStatus/allowedNext``.
package struct TaskPatch: Hashable, Sendable {
    package var title: String?
    package var description: FieldPatch<String>
    package var type: String?
    package var status: TaskStatus?
    package var priority: TaskPriority?
    package var projectID: FieldPatch<ProjectID>
    package var assignedAgentID: FieldPatch<AgentID>
    package var input: FieldPatch<JSONValue>
    package var output: FieldPatch<JSONValue>

    package init(
        title: String? = nil,
        description: FieldPatch<String> = .unchanged,
        type: String? = nil,
        status: TaskStatus? = nil,
        priority: TaskPriority? = nil,
        projectID: FieldPatch<ProjectID> = .unchanged,
        assignedAgentID: FieldPatch<AgentID> = .unchanged,
        input: FieldPatch<JSONValue> = .unchanged,
        output: FieldPatch<JSONValue> = .unchanged
    ) {
        self.title = title
        self.description = description
        self.type = type
        self.status = status
        self.priority = priority
        self.projectID = projectID
        self.assignedAgentID = assignedAgentID
        self.input = input
        self.output = output
    }

    /// The task after the patch, or the reasons it cannot be applied.
    package func applied(to task: WorkTask, at now: Date) throws(ValidationError) -> WorkTask {
        var updated = task
        if let title { updated.title = title }
        updated.description = self.description.applied(to: task.description)
        if let type { updated.type = type }
        if let priority { updated.priority = priority }
        updated.projectID = self.projectID.applied(to: task.projectID)
        updated.assignedAgentID = self.assignedAgentID.applied(to: task.assignedAgentID)
        // Fields left alone keep their stored text: re-encoding it could differ in spelling and look like a change.
        if !self.input.isUnchanged { updated.input = self.input.applied(to: task.input) }
        if !self.output.isUnchanged { updated.output = self.output.applied(to: task.output) }

        var collector = ValidationCollector()
        WorkTask.check(title: updated.title, description: updated.description, type: updated.type, into: &collector)
        if let status, status != task.status {
            if task.status.allowedNext.contains(status) {
                updated.enter(status, at: now)
            } else {
                let allowed = task.status.allowedNext.map(\.rawValue).sorted().joined(separator: ", ")
                collector.add(
                    field: "status",
                    "A \(task.status.rawValue) task cannot become \(status.rawValue)"
                        + (allowed.isEmpty ? "; it is final." : "; allowed: \(allowed).")
                )
            }
        }
        collector.check(
            updated.status != .assigned || updated.assignedAgentID != nil,
            field: "assignedAgentId",
            "An assigned task needs an assigned agent."
        )
        try collector.throwIfAny()
        updated.title = updated.title.trimmed
        if updated != task { updated.updatedAt = now }
        return updated
    }
}

package struct TaskFilter: Hashable, Sendable {
    package var status: TaskStatus?
    package var priority: TaskPriority?
    package var type: String?
    package var projectID: ProjectID?
    package var assignedAgentID: AgentID?

    package init(
        status: TaskStatus? = nil,
        priority: TaskPriority? = nil,
        type: String? = nil,
        projectID: ProjectID? = nil,
        assignedAgentID: AgentID? = nil
    ) {
        self.status = status
        self.priority = priority
        self.type = type
        self.projectID = projectID
        self.assignedAgentID = assignedAgentID
    }
}
