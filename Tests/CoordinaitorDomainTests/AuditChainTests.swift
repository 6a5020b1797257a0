import CoordinaitorDomain
import Foundation
import Testing

/// The pure rules of the audit chain: the canonical form, verification, and organization change events.
@Suite("Audit chain rules")
struct AuditChainTests {
    /// A deterministic stand-in for the HMAC (FNV-1a over both inputs): enough to test the chain's logic.
    struct TestKey: AuditChainKey {
        func mac(previousMAC: String, canonicalForm: [UInt8]) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in Array(previousMAC.utf8) + [0x0A] + canonicalForm {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return String(hash, radix: 16)
        }
    }

    static let organization = OrganizationID(UUID())

    static func event(_ index: Int, metadata: [String: String] = [:]) -> AuditEvent {
        AuditEvent(
            id: AuditEventID(UUID()), organizationID: Self.organization, occurredAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(index)),
            actor: AuditActor(type: .user, id: "u\(index)", email: "u\(index)@acme.test"), action: .taskCreated,
            target: AuditTarget(type: "task", id: "t\(index)"), metadata: metadata
        )
    }

    /// A chain of `count` entries sealed one after the other, and its head.
    static func chain(_ count: Int) -> ([AuditEntry], AuditChainHead) {
        var entries: [AuditEntry] = []
        var previous = ""
        for index in 1...count {
            let entry = TestKey().seal(Self.event(index), sequence: Int64(index), previousMAC: previous)
            entries.append(entry)
            previous = entry.mac
        }
        return (entries, AuditChainHead(chain: AuditChain(Self.organization), lastSequence: Int64(count), lastMAC: previous))
    }

    static func verify(_ entries: [AuditEntry], head: AuditChainHead) -> AuditVerification {
        var verifier = AuditChainVerifier(head: head, key: TestKey())
        for entry in entries { verifier.consume(entry) }
        return verifier.finish()
    }

    @Test func anUntouchedChainVerifies() {
        let (entries, head) = Self.chain(5)
        let result = Self.verify(entries, head: head)
        #expect(result.intact)
        #expect(result.checkedEntries == 5)
        #expect(result.firstBrokenSequence == nil)
    }

    @Test func anEditedEntryBreaksTheChainAtItsSequence() {
        var (entries, head) = Self.chain(5)
        entries[2].event.metadata["note"] = "edited"
        let result = Self.verify(entries, head: head)
        #expect(!result.intact)
        #expect(result.firstBrokenSequence == 3)
        #expect(result.problem == .macMismatch)
        // Resealing the edited entry does not help: the next entry covers the old MAC.
        entries[2] = TestKey().seal(entries[2].event, sequence: 3, previousMAC: entries[1].mac)
        #expect(Self.verify(entries, head: head).firstBrokenSequence == 4)
    }

    @Test func deletedEntriesAreFoundInTheMiddleAndAtTheEnd() {
        let (entries, head) = Self.chain(5)
        var middle = entries
        middle.remove(at: 1)
        #expect(Self.verify(middle, head: head).firstBrokenSequence == 2)
        #expect(Self.verify(middle, head: head).problem == .missingEntries)
        let tail = Array(entries.dropLast(2))
        #expect(Self.verify(tail, head: head).firstBrokenSequence == 4)
        #expect(Self.verify(tail, head: head).problem == .missingEntries)
    }

    @Test func aPrunedChainVerifiesFromItsBoundary() {
        let (entries, head) = Self.chain(6)
        var pruned = head
        pruned.prunedThroughSequence = 3
        pruned.prunedThroughMAC = entries[2].mac
        let result = Self.verify(Array(entries.dropFirst(3)), head: pruned)
        #expect(result.intact)
        #expect(result.firstSequence == 4)
        #expect(result.checkedEntries == 3)
        // A forged boundary does not make a chain verify.
        pruned.prunedThroughMAC = "forged"
        #expect(!Self.verify(Array(entries.dropFirst(3)), head: pruned).intact)
    }

    @Test func theCanonicalFormIsUnambiguousAndCoversEveryField() {
        let base = Self.event(1, metadata: ["a": "b,c"])
        let sealed = TestKey().seal(base, sequence: 1, previousMAC: "")
        var shifted = base
        shifted.metadata = ["a": "b", ",c": ""]
        #expect(AuditCanonicalForm.bytes(of: base, sequence: 1) != AuditCanonicalForm.bytes(of: shifted, sequence: 1))
        let changes: [(inout AuditEvent) -> Void] = [
            { $0.actor.email = "other@acme.test" }, { $0.result = .denied }, { $0.ipAddress = "10.0.0.1" },
            { $0.userAgent = "curl" }, { $0.requestID = "r" }, { $0.target = nil }, { $0.action = .taskDeleted },
            { $0.occurredAt = $0.occurredAt.addingTimeInterval(0.001) }, { $0.organizationID = nil },
        ]
        for change in changes {
            var changed = base
            change(&changed)
            #expect(TestKey().seal(changed, sequence: 1, previousMAC: "").mac != sealed.mac)
        }
        #expect(TestKey().seal(base, sequence: 2, previousMAC: "").mac != sealed.mac)
        // Metadata order does not matter: keys are sorted.
        var reordered = Self.event(1, metadata: ["z": "1", "a": "2"])
        let first = AuditCanonicalForm.bytes(of: reordered, sequence: 1)
        reordered.metadata = ["a": "2", "z": "1"]
        #expect(AuditCanonicalForm.bytes(of: reordered, sequence: 1) == first)
    }

    /// Entries already stored were signed over these exact bytes: any change of the form breaks every existing chain.
    @Test func theCanonicalFormKeepsItsExactBytes() throws {
        let event = AuditEvent(
            id: AuditEventID(try #require(UUID(uuidString: "0190A0B0-C0D0-7E0F-8A1B-2C3D4E5F6A7B"))),
            organizationID: OrganizationID(try #require(UUID(uuidString: "11111111-2222-4333-8444-555555555555"))),
            occurredAt: Date(timeIntervalSince1970: 1_800_000_000.1234), actor: AuditActor(type: .user, id: "u1", email: "é@acme.test"),
            action: .taskCreated, target: AuditTarget(type: "task", id: "t1"), result: .success, ipAddress: "10.0.0.1",
            userAgent: nil, requestID: "req-1", metadata: ["z": "last", "a": "ü;1:"]
        )
        let expected =
            "2:v1;36:11111111-2222-4333-8444-555555555555;2:42;36:0190a0b0-c0d0-7e0f-8a1b-2c3d4e5f6a7b;13:1800000000123;4:user;"
            + "2:u1;12:é@acme.test;12:task.created;4:task;2:t1;7:success;8:10.0.0.1;0:;5:req-1;1:2;1:a;5:ü;1:;1:z;4:last;"
        #expect(String(decoding: AuditCanonicalForm.bytes(of: event, sequence: 42), as: UTF8.self) == expected)
    }

    @Test func metadataIsStoredAsAJSONObjectWithSortedKeys() throws {
        var event = Self.event(1, metadata: ["route": "/api/tasks", "b": "quote \" back\\ tab\t", "a": "é"])
        #expect(event.metadataJSON == #"{"a":"é","b":"quote \" back\\ tab\t","route":"/api/tasks"}"#)
        let parsed = try JSONDecoder().decode([String: String].self, from: Data(event.metadataJSON.utf8))
        #expect(parsed == event.metadata)
        event.metadata = [:]
        #expect(event.metadataJSON == "{}")
    }

    @Test func organizationChangesBecomeTheirOwnEvents() {
        let now = Date()
        let before = Organization(
            id: Self.organization, name: "acme", displayName: "Acme", subdomain: "acme", domain: nil, tier: .free, status: .active,
            contactEmail: "a@acme.test", settings: OrganizationSettings(), createdAt: now, updatedAt: now, createdBy: nil)
        var after = before
        after.tier = .starter
        after.displayName = "ACME"
        after.status = .cancelled
        let actions = OrganizationChangeAudit.changes(from: before, to: after).map(\.action)
        #expect(actions == [.organizationTierChanged, .organizationCancelled, .organizationSettingsChanged])
        #expect(OrganizationChangeAudit.changes(from: before, to: before).isEmpty)
    }

    @Test func actionFiltersEscapeLikeWildcards() {
        #expect(AuditQuery(chain: nil, action: "task.*").actionMatch?.value == "task.%")
        #expect(AuditQuery(chain: nil, action: "task.*").actionMatch?.isPrefix == true)
        #expect(AuditQuery(chain: nil, action: "access.cross_tenant_denied").actionMatch?.isPrefix == false)
        #expect(AuditQuery(chain: nil, action: "a_b*").actionMatch?.value == "a\\_b%")
        #expect(AuditQuery(chain: nil, action: "").actionMatch == nil)
    }

    @Test func retentionFollowsTheTier() {
        #expect(TierCatalog.plan(for: .free).auditRetentionDays == 30)
        #expect(TierCatalog.plan(for: .starter).auditRetentionDays == 90)
        #expect(TierCatalog.plan(for: .professional).auditRetentionDays == 365)
        #expect(TierCatalog.plan(for: .enterprise).auditRetentionDays == nil)
    }
}
