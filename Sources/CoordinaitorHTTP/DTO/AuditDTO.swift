import CoordinaitorDomain
import Foundation

/// One audit entry as the API shows it (and as each line of a JSON Lines export).
struct AuditEntryResponse: Encodable, Sendable {
    struct Actor: Encodable, Sendable {
        var type: String
        var id: String?
        var email: String?
    }

    struct Target: Encodable, Sendable {
        var type: String
        var id: String
    }

    var id: String
    /// Empty for platform events.
    var organizationId: String
    var sequence: Int64
    var occurredAt: String
    var actor: Actor
    var action: String
    var target: Target?
    var result: String
    var ip: String?
    var userAgent: String?
    var requestId: String?
    var metadata: [String: String]
    var mac: String

    init(_ entry: AuditEntry) {
        let event = entry.event
        self.id = event.id.description
        self.organizationId = event.organizationID?.description ?? ""
        self.sequence = entry.sequence
        self.occurredAt = Timestamp.format(event.occurredAt)
        self.actor = Actor(type: event.actor.type.rawValue, id: event.actor.id, email: event.actor.email)
        self.action = event.action.rawValue
        self.target = event.target.map { Target(type: $0.type, id: $0.id) }
        self.result = event.result.rawValue
        self.ip = event.ipAddress
        self.userAgent = event.userAgent
        self.requestId = event.requestID
        self.metadata = event.metadata
        self.mac = entry.mac
    }

    /// The CSV columns, in order; metadata is one column holding its JSON.
    static let csvHeader = [
        "id", "organizationId", "sequence", "occurredAt", "actorType", "actorId", "actorEmail", "action", "targetType", "targetId",
        "result", "ip", "userAgent", "requestId", "metadata", "mac",
    ]

    var csvFields: [String] {
        let metadata = (try? JSONCoding.encoder.encode(self.metadata)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return [
            self.id, self.organizationId, String(self.sequence), self.occurredAt, self.actor.type, self.actor.id ?? "", self.actor.email ?? "",
            self.action, self.target?.type ?? "", self.target?.id ?? "", self.result, self.ip ?? "", self.userAgent ?? "",
            self.requestId ?? "", metadata, self.mac,
        ]
    }
}

struct AuditPageResponse: Encodable, Sendable {
    var items: [AuditEntryResponse]
    var nextCursor: String?

    init(_ page: Page<AuditEntry>) {
        self.items = page.items.map(AuditEntryResponse.init)
        self.nextCursor = page.nextCursor
    }
}

/// `GET …/audit-logs/verify`.
struct AuditVerificationResponse: Encodable, Sendable {
    /// The organization's id, or empty for the platform chain.
    var organizationId: String
    var intact: Bool
    var checkedEntries: Int64
    var firstSequence: Int64
    var lastSequence: Int64
    var firstBrokenSequence: Int64?
    /// `mac_mismatch` (an entry was changed or replaced) or `missing_entries` (deleted).
    var problem: String?

    init(_ verification: AuditVerification) {
        self.organizationId = verification.chain.storageKey
        self.intact = verification.intact
        self.checkedEntries = verification.checkedEntries
        self.firstSequence = verification.firstSequence
        self.lastSequence = verification.lastSequence
        self.firstBrokenSequence = verification.firstBrokenSequence
        self.problem = verification.problem?.rawValue
    }
}

/// CSV as RFC 4180 writes it: fields with a comma, quote or line break are quoted, quotes doubled. A field that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading apostrophe.
enum CSVLine {
    static func make(_ fields: [String]) -> String {
        fields.map(Self.escape).joined(separator: ",") + "\r\n"
    }

    private static func escape(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
