package enum TaskStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case pending, assigned, running, completed, failed, cancelled

    /// The statuses a task may move to from this one. Completed and cancelled tasks are final; a failed task may be retried.
    package var allowedNext: Set<TaskStatus> {
        switch self {
        case .pending: [.assigned, .running, .cancelled]
        case .assigned: [.pending, .running, .cancelled]
        case .running: [.pending, .completed, .failed, .cancelled]
        case .failed: [.pending]
        case .completed, .cancelled: []
        }
    }

    package var isFinished: Bool { self == .completed || self == .failed || self == .cancelled }
}

package enum TaskPriority: String, CaseIterable, Codable, Hashable, Sendable {
    case low, medium, high, critical
}
