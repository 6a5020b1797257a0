import FoundationEssentials

/// Filters of an audit log listing; every filter is optional and they combine with AND.
package struct AuditQuery: Hashable, Sendable {
    /// The chain to read; nil reads every chain (platform operators only).
    package var chain: AuditChain?
    /// An exact action (`task.created`) or a prefix ending in `*` (`task.*`, `access.*`).
    package var action: String?
    /// Matches the actor's id or email exactly.
    package var actor: String?
    package var actorType: AuditActor.Kind?
    package var result: AuditResult?
    /// Inclusive lower and exclusive upper bound on `occurredAt`.
    package var from: Date?
    package var until: Date?
    /// Newest first; the cursor is an entry's ``AuditEntry/position``.
    package var page: PageRequest

    package init(
        chain: AuditChain?,
        action: String? = nil,
        actor: String? = nil,
        actorType: AuditActor.Kind? = nil,
        result: AuditResult? = nil,
        from: Date? = nil,
        until: Date? = nil,
        page: PageRequest = PageRequest()
    ) {
        self.chain = chain
        self.action = action
        self.actor = actor
        self.actorType = actorType
        self.result = result
        self.from = from
        self.until = until
        self.page = page
    }

    /// The action filter as SQL: an exact value, or a LIKE prefix (with `%` and `_` escaped by `\`).
    package var actionMatch: (value: String, isPrefix: Bool)? {
        guard let action, !action.isEmpty else { return nil }
        guard action.hasSuffix("*") else { return (action, false) }
        let prefix = String(action.dropLast())
            .replacing("\\", with: "\\\\")
            .replacing("%", with: "\\%")
            .replacing("_", with: "\\_")
        return (prefix + "%", true)
    }
}
