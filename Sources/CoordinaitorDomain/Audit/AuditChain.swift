/// One organization's audit chain, or the platform's (events that belong to no organization).
package struct AuditChain: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let organizationID: OrganizationID?

    package init(_ organizationID: OrganizationID?) {
        self.organizationID = organizationID
    }

    package static let platform = AuditChain(nil)

    /// The value of the `organization_id` column: the id, or the empty string for the platform chain (never NULL, so the
    /// chain head's primary key and the ordering index work the same on both databases).
    package var storageKey: String { self.organizationID?.description ?? "" }

    package init?(storageKey: String) {
        if storageKey.isEmpty {
            self = .platform
        } else if let id = OrganizationID(storageKey) {
            self.init(id)
        } else {
            return nil
        }
    }

    package var description: String { self.organizationID.map { "organization \($0)" } ?? "platform" }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.storageKey < rhs.storageKey }
}

/// Where a chain stands: its last entry, and where pruning cut it (entries up to that sequence were deleted on purpose).
package struct AuditChainHead: Hashable, Sendable {
    package var chain: AuditChain
    package var lastSequence: Int64
    package var lastMAC: String
    /// The last pruned sequence number (0 when nothing was pruned) and its MAC, from which verification continues.
    package var prunedThroughSequence: Int64
    package var prunedThroughMAC: String

    package init(chain: AuditChain, lastSequence: Int64, lastMAC: String, prunedThroughSequence: Int64 = 0, prunedThroughMAC: String = "") {
        self.chain = chain
        self.lastSequence = lastSequence
        self.lastMAC = lastMAC
        self.prunedThroughSequence = prunedThroughSequence
        self.prunedThroughMAC = prunedThroughMAC
    }
}

/// Computes the MAC that links an entry to its predecessor. Implemented with a server secret (HMAC-SHA256) outside the
/// domain; the storage layer calls it while it holds the chain's head, so sequence and MAC are assigned atomically.
package protocol AuditChainKey: Sendable {
    /// The hex MAC over `previousMAC` (empty for the first entry of a chain) and `canonicalForm`.
    func mac(previousMAC: String, canonicalForm: [UInt8]) -> String
}

extension AuditChainKey {
    /// The MAC of `event` placed at `sequence` after an entry whose MAC is `previousMAC`.
    package func seal(_ event: AuditEvent, sequence: Int64, previousMAC: String) -> AuditEntry {
        let form = AuditCanonicalForm.bytes(of: event, sequence: sequence)
        return AuditEntry(event: event, sequence: sequence, mac: self.mac(previousMAC: previousMAC, canonicalForm: form))
    }
}
