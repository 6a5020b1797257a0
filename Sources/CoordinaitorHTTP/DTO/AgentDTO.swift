import CoordinaitorDomain

/// An agent as the API shows it.
struct AgentResponse: Encodable, Sendable {
    var id: String
    var organizationId: String
    var name: String
    var provider: String
    var capabilities: [String]
    var status: String
    var maxConcurrentTasks: Int
    var createdAt: String
    var updatedAt: String

    init(_ agent: Agent) {
        self.id = agent.id.description
        self.organizationId = agent.organizationID.description
        self.name = agent.name
        self.provider = agent.provider.rawValue
        self.capabilities = agent.capabilities
        self.status = agent.status.rawValue
        self.maxConcurrentTasks = agent.maxConcurrentTasks
        self.createdAt = Timestamp.format(agent.createdAt)
        self.updatedAt = Timestamp.format(agent.updatedAt)
    }
}

struct AgentListResponse: Encodable, Sendable {
    var agents: [AgentResponse]
    var nextCursor: String?
}

struct CreateAgentRequest: Decodable {
    static let fields: Set<String> = ["name", "provider", "capabilities", "status", "maxConcurrentTasks"]
    var draft: NewAgent

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.draft = NewAgent(
            name: try container.decode(String.self, forKey: "name"),
            provider: try container.decodeChoice(AgentProvider.self, forKey: "provider"),
            capabilities: try container.decodeIfPresent([String].self, forKey: "capabilities") ?? [],
            status: try container.decodeChoiceIfPresent(AgentStatus.self, forKey: "status") ?? .idle,
            maxConcurrentTasks: try container.decodeIfPresent(Int.self, forKey: "maxConcurrentTasks") ?? 1
        )
    }
}

struct UpdateAgentRequest: Decodable {
    static let fields: Set<String> = CreateAgentRequest.fields
    var patch: AgentPatch

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.patch = AgentPatch(
            name: try container.decodeNonNullIfPresent(String.self, forKey: "name"),
            provider: try container.decodeChoiceIfPresent(AgentProvider.self, forKey: "provider"),
            capabilities: try container.decodeNonNullIfPresent([String].self, forKey: "capabilities"),
            status: try container.decodeChoiceIfPresent(AgentStatus.self, forKey: "status"),
            maxConcurrentTasks: try container.decodeNonNullIfPresent(Int.self, forKey: "maxConcurrentTasks")
        )
    }
}
