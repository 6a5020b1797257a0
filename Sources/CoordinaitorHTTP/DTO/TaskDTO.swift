import CoordinaitorDomain

/// A task as the API shows it, written by hand (``JSONWritable``): the task list is the busiest route, and
/// `JSONEncoder` was a sixth of its CPU time. `input` and `output` are spliced in from their stored text.
///
/// Fields in the order `.sortedKeys` writes them; nil optionals are left out, as synthesized `Encodable` did:
/// `assignedAgentId`, `completedAt`, `createdAt`, `description`, `id`, `input`, `organizationId`, `output`,
/// `priority`, `projectId`, `startedAt`, `status`, `title`, `type`, `updatedAt`.
struct TaskResponse: JSONWritable {
    var task: WorkTask

    init(_ task: WorkTask) {
        self.task = task
    }

    func writeJSON(into bytes: inout [UInt8]) {
        let task = self.task
        var object = JSONObjectWriter(into: &bytes)
        object.id("assignedAgentId", task.assignedAgentID, into: &bytes)
        object.timestamp("completedAt", task.completedAt, into: &bytes)
        object.timestamp("createdAt", task.createdAt, into: &bytes)
        object.string("description", task.description, into: &bytes)
        object.id("id", task.id, into: &bytes)
        object.json("input", task.inputJSON, into: &bytes)
        object.id("organizationId", task.organizationID, into: &bytes)
        object.json("output", task.outputJSON, into: &bytes)
        object.string("priority", task.priority.rawValue, into: &bytes)
        object.id("projectId", task.projectID, into: &bytes)
        object.timestamp("startedAt", task.startedAt, into: &bytes)
        object.string("status", task.status.rawValue, into: &bytes)
        object.string("title", task.title, into: &bytes)
        object.string("type", task.type, into: &bytes)
        object.timestamp("updatedAt", task.updatedAt, into: &bytes)
        object.finish(into: &bytes)
    }
}

/// `{"nextCursor": …, "tasks": […]}`, `nextCursor` left out on the last page.
struct TaskListResponse: JSONWritable {
    var tasks: [TaskResponse]
    var nextCursor: String?

    /// A task takes about 250 bytes bare and 600 with every field set (more with a large input or output).
    var estimatedJSONByteCount: Int { 128 + self.tasks.count * 512 }

    func writeJSON(into bytes: inout [UInt8]) {
        var object = JSONObjectWriter(into: &bytes)
        object.string("nextCursor", self.nextCursor, into: &bytes)
        object.key("tasks", into: &bytes)
        bytes.append(UInt8(ascii: "["))
        for (index, task) in self.tasks.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            task.writeJSON(into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        object.finish(into: &bytes)
    }
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
