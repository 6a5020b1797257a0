import CoordinaitorDomain

/// A task as the API shows it.
struct TaskResponse: Encodable, Sendable {
    var id: String
    var organizationId: String
    var title: String
    var description: String?
    var type: String
    var status: String
    var priority: String
    var projectId: String?
    var assignedAgentId: String?
    var input: JSONValue?
    var output: JSONValue?
    var createdAt: String
    var updatedAt: String
    var startedAt: String?
    var completedAt: String?

    init(_ task: WorkTask) {
        self.id = task.id.description
        self.organizationId = task.organizationID.description
        self.title = task.title
        self.description = task.description
        self.type = task.type
        self.status = task.status.rawValue
        self.priority = task.priority.rawValue
        self.projectId = task.projectID?.description
        self.assignedAgentId = task.assignedAgentID?.description
        self.input = task.input
        self.output = task.output
        self.createdAt = Timestamp.format(task.createdAt)
        self.updatedAt = Timestamp.format(task.updatedAt)
        self.startedAt = Timestamp.format(task.startedAt)
        self.completedAt = Timestamp.format(task.completedAt)
    }
}

struct TaskListResponse: Encodable, Sendable {
    var tasks: [TaskResponse]
    var nextCursor: String?
}

struct CreateTaskRequest: Decodable {
    static let fields: Set<String> = ["title", "description", "type", "status", "priority", "projectId", "assignedAgentId", "input"]
    var draft: NewTask

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.draft = NewTask(
            title: try container.decode(String.self, forKey: "title"),
            description: try container.decodeIfPresent(String.self, forKey: "description"),
            type: try container.decodeIfPresent(String.self, forKey: "type") ?? WorkTask.defaultType,
            status: try container.decodeChoiceIfPresent(TaskStatus.self, forKey: "status") ?? .pending,
            priority: try container.decodeChoiceIfPresent(TaskPriority.self, forKey: "priority") ?? .medium,
            projectID: try container.decodeIfPresent(ProjectID.self, forKey: "projectId"),
            assignedAgentID: try container.decodeIfPresent(AgentID.self, forKey: "assignedAgentId"),
            input: try container.decodeIfPresent(JSONValue.self, forKey: "input")
        )
    }
}

struct UpdateTaskRequest: Decodable {
    static let fields: Set<String> = [
        "title", "description", "type", "status", "priority", "projectId", "assignedAgentId", "input", "output",
    ]
    var patch: TaskPatch

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.patch = TaskPatch(
            title: try container.decodeNonNullIfPresent(String.self, forKey: "title"),
            description: try container.decodePatch(String.self, forKey: "description"),
            type: try container.decodeNonNullIfPresent(String.self, forKey: "type"),
            status: try container.decodeChoiceIfPresent(TaskStatus.self, forKey: "status"),
            priority: try container.decodeChoiceIfPresent(TaskPriority.self, forKey: "priority"),
            projectID: try container.decodePatch(ProjectID.self, forKey: "projectId"),
            assignedAgentID: try container.decodePatch(AgentID.self, forKey: "assignedAgentId"),
            input: try container.decodePatch(JSONValue.self, forKey: "input"),
            output: try container.decodePatch(JSONValue.self, forKey: "output")
        )
    }
}
