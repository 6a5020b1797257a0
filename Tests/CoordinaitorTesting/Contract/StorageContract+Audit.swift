import CoordinaitorDomain
import Foundation
import Testing

extension StorageContract {
    /// Each chain numbers its entries 1, 2, 3 … on its own, whatever else the batch holds; positions only grow; the
    /// head follows the last entry; every chain verifies; an empty batch changes nothing.
    static func auditAppendNumbersEachChain(_ store: any DataStore) async throws {
        let acme = AuditChain.ofNewOrganization()
        let globex = AuditChain.ofNewOrganization()
        let batch = [acme, .platform, acme, globex, .platform, acme].enumerated().map { index, chain in
            ContractFixtures.auditEvent(in: chain.organizationID, at: Int64(index))
        }

        let first = try await store.appendAudit(batch)

        #expect(first.map(\.event) == batch, "entries come back in the order of the events")
        #expect(first.map(\.sequence) == [1, 1, 2, 1, 2, 3])
        #expect(Set(first.map(\.position)).count == batch.count)
        #expect(first[0].mac == ContractFixtures.auditKey.seal(batch[0], sequence: 1, previousMAC: "").mac)
        #expect(first[2].mac == ContractFixtures.auditKey.seal(batch[2], sequence: 2, previousMAC: first[0].mac).mac)
        for chain in [acme, globex, AuditChain.platform] {
            let positions = first.filter { $0.event.chain == chain }.map(\.position)
            #expect(positions == positions.sorted(), "positions follow sequence numbers within \(chain)")
        }

        let second = try await store.appendAudit([
            ContractFixtures.auditEvent(in: acme.organizationID, at: 10), ContractFixtures.auditEvent(in: nil, at: 11),
        ])
        #expect(second.map(\.sequence) == [4, 3])
        let highestBefore = try #require(first.map(\.position).max())
        #expect(second.allSatisfy { $0.position > highestBefore })

        #expect(try await store.appendAudit([]).isEmpty)
        let head = try #require(try await store.audit.head(of: acme))
        #expect(head == AuditChainHead(chain: acme, lastSequence: 4, lastMAC: second[0].mac))
        #expect(try await store.audit.head(of: .ofNewOrganization()) == nil)
        #expect(try await store.audit.chains() == [.platform, acme, globex].sorted())
        #expect(try await store.auditEntries(of: acme) == [first[0], first[2], first[5], second[0]])

        try await store.verifyAudit(acme).expectIntact(checked: 4)
        try await store.verifyAudit(globex).expectIntact(checked: 1)
        try await store.verifyAudit(.platform).expectIntact(checked: 3)
    }

    /// Every field comes back exactly as written (and so still verifies): text beyond ASCII, quotes and control
    /// characters in metadata, absent values as absent, times to the millisecond.
    static func auditEntriesRoundTrip(_ store: any DataStore) async throws {
        let acme = AuditChain.ofNewOrganization()
        let full = AuditEvent(
            id: TestIDs.next(),
            organizationID: acme.organizationID,
            occurredAt: TestDates.at(7),
            actor: AuditActor(type: .apiKey, id: "key-Ω-1", email: "zoë@exämple.com"),
            action: "task.créé_100%",
            target: AuditTarget(type: "task", id: "t-1/ü"),
            result: .denied,
            ipAddress: "2001:db8::1",
            userAgent: "Mozilla/5.0 (日本語; Ünïcödé) 🚀",
            requestID: "req-\u{1F600}",
            metadata: ["reason": "naïve \"quoted\" \\ back\\slash", "emoji": "👩‍💻", "empty": "", "lines": "a\nb\tc", "日本": "語"]
        )
        let bare = AuditEvent(
            id: TestIDs.next(),
            organizationID: nil,
            // A time with a sub-millisecond part: kept to the millisecond, towards the past, as it is signed.
            occurredAt: Date(timeIntervalSince1970: 1_764_000_000.999_9),
            actor: .system,
            action: .auditPruned
        )
        let entries = try await store.appendAudit([full, bare])

        #expect(bare.occurredAtMilliseconds == 1_764_000_000_999)
        let stored = try await store.auditEntries(of: acme) + store.auditEntries(of: .platform)
        #expect(stored == entries)
        #expect(stored.map(\.event) == [full, bare])
        #expect(stored.map(\.event.occurredAtMilliseconds) == [1_764_000_000_130, 1_764_000_000_999])
        let listed = try await store.audit.query(AuditQuery(chain: nil)).items
        #expect(listed == entries.sorted { $0.position > $1.position })
        try await store.verifyAudit(acme).expectIntact(checked: 1)
        try await store.verifyAudit(.platform).expectIntact(checked: 1)
    }

    /// Twenty concurrent batches of ten events over two chains, each batch naming the chains in a different order:
    /// no deadlock, no number used twice or skipped, and both chains verify.
    static func concurrentAuditAppendsKeepChainsContiguous(_ store: any DataStore) async throws {
        let chains = [AuditChain.ofNewOrganization(), AuditChain.ofNewOrganization()]
        let batches = (0..<20).map { batch in
            (0..<10).map { index in ContractFixtures.auditEvent(in: chains[(batch + index) % 2].organizationID, at: Int64(batch * 10 + index)) }
        }
        let appended = try await withThrowingTaskGroup(of: [AuditEntry].self, returning: [[AuditEntry]].self) { group in
            for batch in batches {
                group.addTask { try await store.appendAudit(batch) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        for entries in appended {
            for chain in chains {
                // One batch holds its chains for its whole transaction: its numbers in a chain are consecutive.
                let sequences = entries.filter { $0.event.chain == chain }.map(\.sequence)
                if let first = sequences.first { #expect(sequences == Array(first..<first + 5)) }
            }
        }
        for chain in chains {
            let stored = try await store.auditEntries(of: chain)
            #expect(stored.map(\.sequence) == Array(1...100))
            #expect(Set(stored.map(\.event.id)).count == 100)
            #expect(try await store.audit.head(of: chain)?.lastSequence == 100)
            try await store.verifyAudit(chain, pageSize: 30).expectIntact(checked: 100)
        }
        let ids = Set(batches.joined().map(\.id))
        #expect(Set(appended.joined().map(\.event.id)) == ids)
    }

    /// Purging an organization deletes its data but not its audit entries or chain head: they are evidence.
    static func purgeKeepsTheAuditLog(_ store: any DataStore) async throws {
        let doomed = try await OwnedOrganization.make("doomed", in: store)
        let chain = AuditChain(doomed.organization.id)
        let entries = try await store.appendAudit(3, to: chain)
        let head = try await store.audit.head(of: chain)

        try await store.organizations.purge(doomed.organization.id)

        #expect(try await store.organizations.find(.id(doomed.organization.id)) == nil)
        #expect(try await store.auditEntries(of: chain) == entries)
        #expect(try await store.audit.head(of: chain) == head)
        #expect(try await store.audit.chains() == [chain])
        try await store.verifyAudit(chain).expectIntact(checked: 3)
        #expect(!TenantOwnedTables.deletionOrder.contains { $0.hasPrefix("audit") })
    }
}
