/// What the platform counts per organization. Each metric is either a capacity (a current count, such as projects)
/// or a monthly quota (a count that starts again every UTC calendar month, such as tasks created).
package enum UsageMetric: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    case users
    case projects
    case agents
    case webhooks
    case storageBytes
    case tasksPerMonth
    case apiCallsPerMonth
    case agentExecutionsPerMonth

    package enum Kind: String, Sendable {
        /// A current count: deleting what it counts frees a slot. Exceeding it answers 403.
        case capacity
        /// A count per UTC calendar month. Exceeding it answers 429 until the month ends.
        case monthly
    }

    package var kind: Kind {
        switch self {
        case .users, .projects, .agents, .webhooks, .storageBytes: .capacity
        case .tasksPerMonth, .apiCallsPerMonth, .agentExecutionsPerMonth: .monthly
        }
    }

    /// The metric's key in storage (`usage_counters.metric`): stable, never renamed.
    package var storageKey: String {
        switch self {
        case .users: "users"
        case .projects: "projects"
        case .agents: "agents"
        case .webhooks: "webhooks"
        case .storageBytes: "storage_bytes"
        case .tasksPerMonth: "tasks"
        case .apiCallsPerMonth: "api_calls"
        case .agentExecutionsPerMonth: "agent_executions"
        }
    }

    package init?(storageKey: String) {
        guard let metric = Self.allCases.first(where: { $0.storageKey == storageKey }) else { return nil }
        self = metric
    }

    /// How people name it in messages.
    package var label: String {
        switch self {
        case .users: "users"
        case .projects: "projects"
        case .agents: "agents"
        case .webhooks: "webhooks"
        case .storageBytes: "storage (bytes)"
        case .tasksPerMonth: "tasks per month"
        case .apiCallsPerMonth: "API calls per month"
        case .agentExecutionsPerMonth: "agent executions per month"
        }
    }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        Self.allCases.firstIndex(of: lhs) ?? 0 < Self.allCases.firstIndex(of: rhs) ?? 0
    }
}
