/// What verifying a chain found.
package struct AuditVerification: Hashable, Sendable {
    package enum Problem: String, Hashable, Sendable, Codable {
        /// An entry's MAC does not match its content or its predecessor: it was edited, or one was put in its place.
        case macMismatch = "mac_mismatch"
        /// A sequence number is missing: an entry was deleted.
        case missingEntries = "missing_entries"
    }

    package var chain: AuditChain
    package var intact: Bool
    /// How many entries were checked.
    package var checkedEntries: Int64
    /// The first sequence number where the chain breaks, when it does.
    package var firstBrokenSequence: Int64?
    package var problem: Problem?
    /// Where checking started (pruned entries before it are gone on purpose) and the last sequence checked.
    package var firstSequence: Int64
    package var lastSequence: Int64

    package init(
        chain: AuditChain, intact: Bool, checkedEntries: Int64, firstBrokenSequence: Int64?, problem: Problem?, firstSequence: Int64,
        lastSequence: Int64
    ) {
        self.chain = chain
        self.intact = intact
        self.checkedEntries = checkedEntries
        self.firstBrokenSequence = firstBrokenSequence
        self.problem = problem
        self.firstSequence = firstSequence
        self.lastSequence = lastSequence
    }
}

/// Checks a chain entry by entry, in sequence order, so a long chain can be read page by page.
///
/// Start it from the chain head's pruned boundary, ``consume(_:)`` every stored entry in ascending sequence order, and
/// ``finish()`` with the head: entries deleted after the last stored one show up as missing there.
package struct AuditChainVerifier {
    private let key: any AuditChainKey
    private let head: AuditChainHead
    private var expectedSequence: Int64
    private var previousMAC: String
    private var checked: Int64 = 0
    private var failure: (sequence: Int64, problem: AuditVerification.Problem)?

    package init(head: AuditChainHead, key: any AuditChainKey) {
        self.key = key
        self.head = head
        self.expectedSequence = head.prunedThroughSequence + 1
        self.previousMAC = head.prunedThroughMAC
    }

    /// Whether a break was found (later entries need not be read).
    package var isBroken: Bool { self.failure != nil }

    package mutating func consume(_ entry: AuditEntry) {
        guard self.failure == nil else { return }
        // Entries at or before the pruned boundary may be left over from a prune that raced a read: not part of the chain.
        if entry.sequence < self.expectedSequence { return }
        guard entry.sequence == self.expectedSequence else {
            self.failure = (self.expectedSequence, .missingEntries)
            return
        }
        let expected = self.key.seal(entry.event, sequence: entry.sequence, previousMAC: self.previousMAC)
        guard expected.mac == entry.mac else {
            self.failure = (entry.sequence, .macMismatch)
            return
        }
        self.checked += 1
        self.previousMAC = entry.mac
        self.expectedSequence += 1
    }

    package func finish() -> AuditVerification {
        var failure = self.failure
        if failure == nil {
            if self.expectedSequence <= self.head.lastSequence {
                failure = (self.expectedSequence, .missingEntries)
            } else if self.head.lastSequence > 0, self.previousMAC != self.head.lastMAC {
                // The rows verify among themselves but do not end where the head says: the last one was replaced.
                failure = (self.head.lastSequence, .macMismatch)
            }
        }
        return AuditVerification(
            chain: self.head.chain,
            intact: failure == nil,
            checkedEntries: self.checked,
            firstBrokenSequence: failure?.sequence,
            problem: failure?.problem,
            firstSequence: self.head.prunedThroughSequence + 1,
            lastSequence: self.head.lastSequence
        )
    }
}
