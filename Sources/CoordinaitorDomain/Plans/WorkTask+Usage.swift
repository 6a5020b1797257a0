import FoundationEssentials

extension WorkTask {
    /// Bytes the task's input and output take, as compact JSON: what the task counts towards the storage limit.
    package var storageBytes: Int64 {
        Int64((self.inputJSON?.canonicalByteCount ?? 0) + (self.outputJSON?.canonicalByteCount ?? 0))
    }

    /// Whether moving from `previous` to this state starts an agent execution: the task enters `running` with an agent
    /// assigned. What `agentExecutionsPerMonth` counts.
    package func startsAgentExecution(after previous: WorkTask) -> Bool {
        self.status == .running && previous.status != .running && self.assignedAgentID != nil
    }

    /// The usage a change from `previous` to this state consumes (or releases).
    package func usageCharges(after previous: WorkTask) -> [UsageCharge] {
        var charges: [UsageCharge] = []
        let storageDelta = self.storageBytes - previous.storageBytes
        if storageDelta != 0 { charges.append(UsageCharge(.storageBytes, storageDelta)) }
        if self.startsAgentExecution(after: previous) { charges.append(UsageCharge(.agentExecutionsPerMonth, 1)) }
        return charges
    }

    /// The usage creating this task consumes.
    package var creationCharges: [UsageCharge] {
        var charges = [UsageCharge(.tasksPerMonth, 1)]
        let bytes = self.storageBytes
        if bytes > 0 { charges.append(UsageCharge(.storageBytes, bytes)) }
        if self.status == .running, self.assignedAgentID != nil { charges.append(UsageCharge(.agentExecutionsPerMonth, 1)) }
        return charges
    }
}

extension Collection<WorkTask> {
    /// What creating all these tasks consumes, one charge per metric, so a batch is checked against the limits at once.
    package var creationCharges: [UsageCharge] {
        var totals: [UsageMetric: Int64] = [:]
        for task in self {
            for charge in task.creationCharges { totals[charge.metric, default: 0] += charge.amount }
        }
        return UsageMetric.allCases.compactMap { metric in totals[metric].map { UsageCharge(metric, $0) } }
    }

    /// Each distinct project and agent the tasks point at, so a batch checks each reference once.
    package var distinctReferences: (projects: [ProjectID], agents: [AgentID]) {
        (Array(Set(self.compactMap(\.projectID))), Array(Set(self.compactMap(\.assignedAgentID))))
    }
}
