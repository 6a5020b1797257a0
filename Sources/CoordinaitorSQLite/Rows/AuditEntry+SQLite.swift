import CoordinaitorDomain
import Foundation
import SQLiteNIO

extension AuditEntry {
    static let sqliteTableName = "audit_logs"

    /// The columns an append writes, in the order of ``sqliteValues()``; `position` is assigned by SQLite.
    static let sqliteInsertedColumns = [
        "id", "organization_id", "sequence", "occurred_at", "actor_type", "actor_id", "actor_email", "action", "target_type",
        "target_id", "result", "ip_address", "user_agent", "request_id", "metadata", "mac",
    ]

    static let sqliteSelectList = (["position"] + sqliteInsertedColumns).joined(separator: ", ")

    /// The `INSERT` of one entry; its position is the rowid SQLite assigns.
    static let sqliteInsertSQL = """
        INSERT INTO \(sqliteTableName) (\(sqliteInsertedColumns.joined(separator: ", ")))
        VALUES (\(Array(repeating: "?", count: sqliteInsertedColumns.count).joined(separator: ", ")))
        """

    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = SQLiteRowReader(row, table: Self.sqliteTableName)
        let chain = try AuditChain(storedKey: try reader.string("organization_id"), table: Self.sqliteTableName)
        let targetType = try reader.optionalString("target_type")
        let targetID = try reader.optionalString("target_id")
        let event = AuditEvent(
            id: try reader.id("id"),
            organizationID: chain.organizationID,
            // Read as the exact milliseconds that were signed, not through a rounding conversion.
            occurredAt: EpochMilliseconds(Int64(try reader.int("occurred_at"))).date,
            actor: AuditActor(
                type: try reader.value("actor_type"), id: try reader.optionalString("actor_id"), email: try reader.optionalString("actor_email")
            ),
            action: AuditAction(rawValue: try reader.string("action")),
            target: try Self.target(type: targetType, id: targetID),
            result: try reader.value("result"),
            ipAddress: try reader.optionalString("ip_address"),
            userAgent: try reader.optionalString("user_agent"),
            requestID: try reader.optionalString("request_id"),
            metadata: try reader.json("metadata")
        )
        self.init(
            event: event,
            sequence: Int64(try reader.int("sequence")),
            mac: try reader.string("mac"),
            position: Int64(try reader.int("position"))
        )
    }

    /// Values in ``sqliteInsertedColumns`` order. The time is the event's signed milliseconds, stored as they are.
    func sqliteValues() -> [SQLiteData] {
        let event = self.event
        return [
            .id(event.id), .text(event.chain.storageKey), .integer(SQLiteInt64(self.sequence)),
            .integer(SQLiteInt64(event.occurredAtMilliseconds)), .raw(event.actor.type), .text(event.actor.id), .text(event.actor.email),
            .raw(event.action), .text(event.target?.type), .text(event.target?.id), .raw(event.result), .text(event.ipAddress),
            .text(event.userAgent), .text(event.requestID), .text(event.metadataJSON), .text(self.mac),
        ]
    }

    /// Both target columns or neither: the table's CHECK constraint holds them together.
    private static func target(type: String?, id: String?) throws -> AuditTarget? {
        switch (type, id) {
        case (nil, nil): return nil
        case (let type?, let id?): return AuditTarget(type: type, id: id)
        default: throw SQLiteStoredValueError(table: self.sqliteTableName, column: "target_id", reason: "target type and id must both be set")
        }
    }
}

extension AuditChainHead {
    static let sqliteSelectList = "organization_id, last_sequence, last_mac, pruned_through_sequence, pruned_through_mac"

    init(sqliteRow row: some SQLiteRowValues) throws {
        let reader = SQLiteRowReader(row, table: "audit_chain_heads")
        self.init(
            chain: try AuditChain(storedKey: try reader.string("organization_id"), table: "audit_chain_heads"),
            lastSequence: Int64(try reader.int("last_sequence")),
            lastMAC: try reader.string("last_mac"),
            prunedThroughSequence: Int64(try reader.int("pruned_through_sequence")),
            prunedThroughMAC: try reader.string("pruned_through_mac")
        )
    }
}

extension AuditChain {
    /// The chain named by a stored `organization_id`: `''` or a UUID, anything else is a corrupt row.
    init(storedKey: String, table: String) throws {
        guard let chain = AuditChain(storageKey: storedKey) else {
            throw SQLiteStoredValueError(table: table, column: "organization_id", reason: "not a chain key '\(storedKey)'")
        }
        self = chain
    }
}
