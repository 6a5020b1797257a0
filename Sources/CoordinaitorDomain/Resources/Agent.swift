import FoundationEssentials

/// Who runs an agent. `custom` covers self-hosted and other models.
package enum AgentProvider: String, CaseIterable, Codable, Hashable, Sendable {
    case claude, gpt, gemini, llama, mistral, custom
}

package enum AgentStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case idle, busy, offline, disabled
}

/// An AI worker registered with an organization.
package struct Agent: Hashable, Sendable {
    package static let concurrencyRange = 1...100
    package static let maximumCapabilities = 50

    package var id: AgentID
    package var organizationID: OrganizationID
    package var name: String
    package var provider: AgentProvider
    /// Tokens such as `code-review` that tasks can be matched against.
    package var capabilities: [String]
    package var status: AgentStatus
    package var maxConcurrentTasks: Int
    package var createdAt: Date
    package var updatedAt: Date

    package init(
        id: AgentID,
        organizationID: OrganizationID,
        name: String,
        provider: AgentProvider,
        capabilities: [String],
        status: AgentStatus,
        maxConcurrentTasks: Int,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.provider = provider
        self.capabilities = capabilities
        self.status = status
        self.maxConcurrentTasks = maxConcurrentTasks
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    fileprivate static func check(_ agent: Agent, into collector: inout ValidationCollector) {
        TextRules.checkName(agent.name, field: "name", into: &collector)
        collector.check(
            agent.capabilities.count <= Self.maximumCapabilities,
            field: "capabilities",
            "At most \(Self.maximumCapabilities) capabilities."
        )
        for (index, capability) in agent.capabilities.enumerated() where !TextRules.isToken(capability) {
            collector.add(field: "capabilities[\(index)]", "Must be 1 to 64 of a-z, 0-9, '_', '.', '-'.")
        }
        collector.check(
            Self.concurrencyRange.contains(agent.maxConcurrentTasks),
            field: "maxConcurrentTasks",
            "Must be from \(Self.concurrencyRange.lowerBound) to \(Self.concurrencyRange.upperBound)."
        )
    }
}

package struct NewAgent: Hashable, Sendable {
    package var name: String
    package var provider: AgentProvider
    package var capabilities: [String]
    package var status: AgentStatus
    package var maxConcurrentTasks: Int

    package init(
        name: String,
        provider: AgentProvider,
        capabilities: [String] = [],
        status: AgentStatus = .idle,
        maxConcurrentTasks: Int = 1
    ) {
        self.name = name
        self.provider = provider
        self.capabilities = capabilities
        self.status = status
        self.maxConcurrentTasks = maxConcurrentTasks
    }

    package func agent(id: AgentID, in scope: TenantScope, at now: Date) throws(ValidationError) -> Agent {
        let agent = Agent(
            id: id,
            organizationID: scope.organizationID,
            name: self.name.trimmed,
            provider: self.provider,
            capabilities: Self.deduplicated(self.capabilities),
            status: self.status,
            maxConcurrentTasks: self.maxConcurrentTasks,
            createdAt: now,
            updatedAt: now
        )
        var collector = ValidationCollector()
        Agent.check(Agent(copying: agent, name: self.name), into: &collector)
        try collector.throwIfAny()
        return agent
    }

    fileprivate static func deduplicated(_ capabilities: [String]) -> [String] {
        var seen: Set<String> = []
        return capabilities.filter { seen.insert($0).inserted }
    }
}

extension Agent {
    /// The same agent with the name as the client sent it, so validation sees untrimmed input.
    fileprivate init(copying agent: Agent, name: String) {
        self = agent
        self.name = name
    }
}

/// The fields of an agent a client may change.
package struct AgentPatch: Hashable, Sendable {
    package var name: String?
    package var provider: AgentProvider?
    package var capabilities: [String]?
    package var status: AgentStatus?
    package var maxConcurrentTasks: Int?

    package init(
        name: String? = nil,
        provider: AgentProvider? = nil,
        capabilities: [String]? = nil,
        status: AgentStatus? = nil,
        maxConcurrentTasks: Int? = nil
    ) {
        self.name = name
        self.provider = provider
        self.capabilities = capabilities
        self.status = status
        self.maxConcurrentTasks = maxConcurrentTasks
    }

    package func applied(to agent: Agent, at now: Date) throws(ValidationError) -> Agent {
        var updated = agent
        if let name { updated.name = name }
        if let provider { updated.provider = provider }
        if let capabilities { updated.capabilities = NewAgent.deduplicated(capabilities) }
        if let status { updated.status = status }
        if let maxConcurrentTasks { updated.maxConcurrentTasks = maxConcurrentTasks }
        var collector = ValidationCollector()
        Agent.check(updated, into: &collector)
        try collector.throwIfAny()
        updated.name = updated.name.trimmed
        if updated != agent { updated.updatedAt = now }
        return updated
    }
}

package struct AgentFilter: Hashable, Sendable {
    package var status: AgentStatus?
    package var provider: AgentProvider?

    package init(status: AgentStatus? = nil, provider: AgentProvider? = nil) {
        self.status = status
        self.provider = provider
    }
}
