/// What a webhook can subscribe to. The raw values are the public names, sent in `Webhook-Event` and stored as is.
package enum WebhookEventType: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    case taskCreated = "task.created"
    case taskUpdated = "task.updated"
    case taskCompleted = "task.completed"
    case taskFailed = "task.failed"
    case memberAdded = "member.added"
    case memberRemoved = "member.removed"
    case limitWarning = "limit.warning"
    case limitExceeded = "limit.exceeded"

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Every name, for error messages.
    package static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
