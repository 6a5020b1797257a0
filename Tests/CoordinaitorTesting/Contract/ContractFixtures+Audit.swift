import CoordinaitorDomain
import CoordinaitorServices
import Testing

extension ContractFixtures {
    /// The production key type, so the checks also prove that what storage returns signs to the bytes it was given.
    static let auditKey = HMACAuditChainKey(secret: "contract-audit-secret")

    static let auditActor = AuditActor(type: .user, id: "user-ann", email: "ann@example.com")

    /// An event at `milliseconds` after ``TestDates/base``; everything else is optional.
    static func auditEvent(
        _ action: AuditAction = .taskCreated,
        in organization: OrganizationID?,
        at milliseconds: Int64 = 0,
        actor: AuditActor = ContractFixtures.auditActor,
        target: AuditTarget? = nil,
        result: AuditResult = .success,
        metadata: [String: String] = [:]
    ) -> AuditEvent {
        AuditEvent(
            id: TestIDs.next(),
            organizationID: organization,
            occurredAt: TestDates.at(milliseconds),
            actor: actor,
            action: action,
            target: target,
            result: result,
            metadata: metadata
        )
    }
}

extension AuditChain {
    /// A chain of an organization that need not exist: the audit log has no foreign key to organizations.
    static func ofNewOrganization() -> AuditChain {
        AuditChain(TestIDs.next(OrganizationID.self))
    }
}

extension DataStore {
    /// Appends with the contract key.
    @discardableResult
    func appendAudit(_ events: [AuditEvent]) async throws -> [AuditEntry] {
        try await self.audit.append(events, key: ContractFixtures.auditKey)
    }

    /// Appends `count` events to `chain`, one millisecond apart starting at `start`, in one batch.
    @discardableResult
    func appendAudit(_ count: Int, to chain: AuditChain, from start: Int64 = 0) async throws -> [AuditEntry] {
        try await self.appendAudit((0..<count).map { ContractFixtures.auditEvent(in: chain.organizationID, at: start + Int64($0)) })
    }

    /// Verifies `chain` as an operator's check does: its head, then its entries from the pruned boundary on, read
    /// `pageSize` at a time (small, so that several pages are read).
    func verifyAudit(_ chain: AuditChain, pageSize: Int = 4, sourceLocation: SourceLocation = #_sourceLocation) async throws -> AuditVerification {
        let head = try #require(try await self.audit.head(of: chain), "\(chain) has no head", sourceLocation: sourceLocation)
        var verifier = AuditChainVerifier(head: head, key: ContractFixtures.auditKey)
        var next = head.prunedThroughSequence + 1
        while !verifier.isBroken {
            let entries = try await self.audit.entries(of: chain, fromSequence: next, limit: pageSize)
            entries.forEach { verifier.consume($0) }
            guard entries.count == pageSize, let last = entries.last else { break }
            next = last.sequence + 1
        }
        return verifier.finish()
    }

    /// Every stored entry of `chain`, in sequence order.
    func auditEntries(of chain: AuditChain) async throws -> [AuditEntry] {
        try await self.audit.entries(of: chain, fromSequence: 1, limit: 10_000)
    }
}

extension AuditVerification {
    /// Expects the chain to verify, with `checked` entries from `firstSequence` on.
    func expectIntact(checked: Int64, from firstSequence: Int64 = 1, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(self.intact, "\(self.chain) broken at \(self.firstBrokenSequence.map(String.init) ?? "-"): \(self.problem?.rawValue ?? "-")",
                sourceLocation: sourceLocation)
        #expect(self.checkedEntries == checked, sourceLocation: sourceLocation)
        #expect(self.firstSequence == firstSequence, sourceLocation: sourceLocation)
    }

    /// Expects the chain to break first at `sequence`, for `problem`.
    func expectBroken(at sequence: Int64, _ problem: Problem, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!self.intact, sourceLocation: sourceLocation)
        #expect(self.firstBrokenSequence == sequence, sourceLocation: sourceLocation)
        #expect(self.problem == problem, sourceLocation: sourceLocation)
    }
}
