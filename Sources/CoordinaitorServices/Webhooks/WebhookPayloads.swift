import CoordinaitorDomain
import Foundation

/// The `data` of webhook events: the same field names as the API's JSON.
enum WebhookPayloads {
    /// Largest task output copied into an event, as compact JSON; a larger one is left out (`outputOmitted: true`) and
    /// read through the API, so that queued deliveries stay small whatever tasks hold.
    static let maximumOutputBytes: Int64 = 16 * 1024

    static func task(_ task: WorkTask) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(task.id.description),
            "title": .string(task.title),
            "type": .string(task.type),
            "status": .string(task.status.rawValue),
            "priority": .string(task.priority.rawValue),
            "createdAt": .string(task.createdAt.formatted(.iso8601)),
            "updatedAt": .string(task.updatedAt.formatted(.iso8601)),
        ]
        if let projectID = task.projectID { object["projectId"] = .string(projectID.description) }
        if let agentID = task.assignedAgentID { object["assignedAgentId"] = .string(agentID.description) }
        if let completedAt = task.completedAt { object["completedAt"] = .string(completedAt.formatted(.iso8601)) }
        if let output = task.output {
            var outputOnly = task
            outputOnly.input = nil
            if outputOnly.storageBytes <= Self.maximumOutputBytes { object["output"] = output } else { object["outputOmitted"] = .bool(true) }
        }
        return .object(object)
    }

    static func member(_ userID: UserID, role: Role?) -> JSONValue {
        var object: [String: JSONValue] = ["userId": .string(userID.description)]
        if let role { object["role"] = .string(role.rawValue) }
        return .object(object)
    }

    static func limit(_ metric: UsageMetric, used: Int64, maximum: Int64?, tier: Tier) -> JSONValue {
        .object([
            "limit": .string(metric.rawValue),
            "used": .number(Double(used)),
            "maximum": maximum.map { .number(Double($0)) } ?? .null,
            "tier": .string(tier.rawValue),
        ])
    }
}
