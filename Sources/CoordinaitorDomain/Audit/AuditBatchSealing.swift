/// Where a chain stands: its last sequence number and that entry's MAC (0 and "" before its first entry).
package struct AuditChainTip: Hashable, Sendable {
    package var sequence: Int64
    package var mac: String

    package init(sequence: Int64, mac: String) {
        self.sequence = sequence
        self.mac = mac
    }

    package static let start = AuditChainTip(sequence: 0, mac: "")
}

/// An entry's place in the log as a store reports it after inserting a batch (`RETURNING` promises no order): its
/// chain's storage key and its sequence number there.
package struct AuditEntrySlot: Hashable, Sendable {
    package var storageKey: String
    package var sequence: Int64

    package init(storageKey: String, sequence: Int64) {
        self.storageKey = storageKey
        self.sequence = sequence
    }
}

extension AuditEntry {
    package var slot: AuditEntrySlot { AuditEntrySlot(storageKey: self.event.chain.storageKey, sequence: self.sequence) }

    /// Gives each of `entries[range]` its position from `positions`; returns the first entry with none, if any.
    package static func assignPositions(
        _ positions: [AuditEntrySlot: Int64], to entries: inout [AuditEntry], in range: Range<Int>
    ) -> AuditEntry? {
        for index in range {
            guard let position = positions[entries[index].slot] else { return entries[index] }
            entries[index].position = position
        }
        return nil
    }
}

extension AuditChainKey {
    /// Numbers and seals a batch that may span many chains: each chain's events in batch order, after its tip in
    /// `tips` (a chain without one starts at 1). Returns the entries in the order of `events`, and where every chain
    /// of the batch stands afterwards.
    package func seal(_ events: [AuditEvent], after tips: [String: AuditChainTip]) -> (entries: [AuditEntry], tips: [String: AuditChainTip]) {
        var tips = tips
        var entries: [AuditEntry] = []
        entries.reserveCapacity(events.count)
        for event in events {
            let storageKey = event.chain.storageKey
            let last = tips[storageKey] ?? .start
            let entry = self.seal(event, sequence: last.sequence + 1, previousMAC: last.mac)
            tips[storageKey] = AuditChainTip(sequence: entry.sequence, mac: entry.mac)
            entries.append(entry)
        }
        return (entries, tips)
    }
}
