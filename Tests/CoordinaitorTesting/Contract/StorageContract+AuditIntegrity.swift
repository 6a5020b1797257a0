import CoordinaitorDomain
import Testing

extension StorageContract {
    /// Pruning deletes the entries up to the last one numbered before the cutoff, records that boundary in the head,
    /// and leaves a chain that still verifies; it never moves the boundary back and touches no other chain.
    static func auditPruneKeepsTheChainVerifiable(_ store: any DataStore) async throws {
        let acme = AuditChain.ofNewOrganization()
        let globex = AuditChain.ofNewOrganization()
        let events = (1...10).map { ContractFixtures.auditEvent(in: acme.organizationID, at: Int64($0 * 10)) }
        let entries = try await store.appendAudit(events)
        let globexEntries = try await store.appendAudit(3, to: globex, from: 10)

        #expect(try await store.audit.prune(acme, before: TestDates.at(45)) == 4)

        #expect(try await store.auditEntries(of: acme) == Array(entries[4...]))
        let head = try #require(try await store.audit.head(of: acme))
        let expectedHead = AuditChainHead(
            chain: acme, lastSequence: 10, lastMAC: entries[9].mac, prunedThroughSequence: 4, prunedThroughMAC: entries[3].mac)
        #expect(head == expectedHead)
        try await store.verifyAudit(acme).expectIntact(checked: 6, from: 5)
        #expect(try await store.auditEntries(of: globex) == globexEntries)
        #expect(try await store.audit.query(AuditQuery(chain: acme)).items.count == 6)

        // An earlier cutoff, or one before everything, has nothing left to prune: the boundary stays.
        #expect(try await store.audit.prune(acme, before: TestDates.at(25)) == 0)
        #expect(try await store.audit.prune(acme, before: TestDates.at(45)) == 0)
        #expect(try await store.audit.prune(acme, before: TestDates.at(0)) == 0)
        #expect(try await store.audit.head(of: acme) == head)
        #expect(try await store.auditEntries(of: acme).count == 6)
        #expect(try await store.audit.prune(.ofNewOrganization(), before: TestDates.at(1_000)) == 0)

        // A late event: numbered 11 but older than entries 6 to 10. The chain can only be cut between numbers, so a
        // cutoff after it takes everything up to 11, and appending goes on from the same head.
        let late = try await store.appendAudit([ContractFixtures.auditEvent(in: acme.organizationID, at: 55)])
        #expect(try await store.audit.prune(acme, before: TestDates.at(60)) == 7)
        #expect(try await store.auditEntries(of: acme).isEmpty)
        #expect(try await store.audit.head(of: acme)?.prunedThroughMAC == late[0].mac)
        try await store.verifyAudit(acme).expectIntact(checked: 0, from: 12)
        let next = try await store.appendAudit(1, to: acme, from: 70)
        #expect(next.map(\.sequence) == [12])
        try await store.verifyAudit(acme).expectIntact(checked: 1, from: 12)
        try await store.verifyAudit(globex).expectIntact(checked: 3)
    }

    /// The database itself refuses to update an audit entry; deleting stays possible (pruning needs it).
    static func auditEntriesCannotBeUpdated(_ store: any DataStore, _ database: RawDatabase) async throws {
        let acme = AuditChain.ofNewOrganization()
        let entries = try await store.appendAudit(3, to: acme)

        do {
            try await database.execute("UPDATE audit_logs SET action = 'task.deleted' WHERE \(Self.row(2, of: acme))")
            Issue.record("The UPDATE was not refused")
        } catch {
            #expect(String(reflecting: error).contains("append-only"), "\(String(reflecting: error))")
        }
        #expect(try await store.auditEntries(of: acme) == entries)
        try await store.verifyAudit(acme).expectIntact(checked: 3)
    }

    /// Someone who can change the schema edits an entry's action, another's metadata: verification points at exactly
    /// those entries.
    static func auditEditedEntriesBreakTheChain(_ store: any DataStore, _ database: RawDatabase) async throws {
        let acme = AuditChain.ofNewOrganization()
        let globex = AuditChain.ofNewOrganization()
        try await store.appendAudit(5, to: acme)
        try await store.appendAudit([
            ContractFixtures.auditEvent(in: globex.organizationID),
            ContractFixtures.auditEvent(in: globex.organizationID, metadata: ["role": "viewer"]),
            ContractFixtures.auditEvent(in: globex.organizationID),
        ])
        try await store.appendAudit(2, to: .platform)

        try await database.execute(Self.disableAppendOnlySQL(database.dialect))
        try await database.execute("UPDATE audit_logs SET action = 'task.deleted' WHERE \(Self.row(3, of: acme))")
        try await database.execute("UPDATE audit_logs SET metadata = '{\"role\":\"owner\"}' WHERE \(Self.row(2, of: globex))")

        #expect(try await store.auditEntries(of: acme)[2].event.action == .taskDeleted)
        try await store.verifyAudit(acme).expectBroken(at: 3, .macMismatch)
        try await store.verifyAudit(globex).expectBroken(at: 2, .macMismatch)
        try await store.verifyAudit(.platform).expectIntact(checked: 2)
    }

    /// Someone deletes an entry from the middle of one chain and the last entry of another: verification reports the
    /// missing numbers, the last one through the head.
    static func auditDeletedEntriesBreakTheChain(_ store: any DataStore, _ database: RawDatabase) async throws {
        let acme = AuditChain.ofNewOrganization()
        let globex = AuditChain.ofNewOrganization()
        try await store.appendAudit(5, to: acme)
        try await store.appendAudit(5, to: globex)

        try await database.execute("DELETE FROM audit_logs WHERE \(Self.row(3, of: acme))")
        try await database.execute("DELETE FROM audit_logs WHERE \(Self.row(5, of: globex))")

        try await store.verifyAudit(acme).expectBroken(at: 3, .missingEntries)
        try await store.verifyAudit(globex).expectBroken(at: 5, .missingEntries)
    }

    /// The condition selecting one entry; chain keys are UUIDs or empty, safe to write into test SQL.
    private static func row(_ sequence: Int64, of chain: AuditChain) -> String {
        "organization_id = '\(chain.storageKey)' AND sequence = \(sequence)"
    }

    /// What an attacker with schema rights runs first, in each dialect.
    private static func disableAppendOnlySQL(_ dialect: RawDatabase.Dialect) -> String {
        switch dialect {
        case .sqlite: "DROP TRIGGER audit_logs_append_only"
        case .postgres: "ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_append_only"
        }
    }
}
