import CoordinaitorDomain
import PostgresNIO

/// Select lists of the audit tables, constant text spliced into queries with `unescaped:`.
enum PostgresAuditColumns {
    static let entry = """
        position, id, organization_id, sequence, occurred_at, actor_type, actor_id, actor_email, action, target_type, \
        target_id, result, ip_address, user_agent, request_id, metadata::text AS metadata, mac
        """

    static let head = "organization_id, last_sequence, last_mac, pruned_through_sequence, pruned_through_mac"

    /// The columns an append writes, in the order ``AuditEntry/postgresInsert(_:)`` binds them; `position` is generated.
    static let inserted = """
        id, organization_id, sequence, occurred_at, actor_type, actor_id, actor_email, action, target_type, target_id, \
        result, ip_address, user_agent, request_id, metadata, mac
        """
}

extension AuditEntry {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "audit_logs")
        let chain = try AuditChain(storedKey: try reader.string("organization_id"), table: "audit_logs")
        let event = AuditEvent(
            id: try reader.id("id"),
            organizationID: chain.organizationID,
            occurredAt: try reader.date("occurred_at"),
            actor: AuditActor(
                type: try reader.value("actor_type"), id: try reader.optionalString("actor_id"), email: try reader.optionalString("actor_email")
            ),
            action: AuditAction(rawValue: try reader.string("action")),
            target: try Self.target(type: try reader.optionalString("target_type"), id: try reader.optionalString("target_id")),
            result: try reader.value("result"),
            ipAddress: try reader.optionalString("ip_address"),
            userAgent: try reader.optionalString("user_agent"),
            requestID: try reader.optionalString("request_id"),
            metadata: try reader.json("metadata")
        )
        self.init(event: event, sequence: try reader.int64("sequence"), mac: try reader.string("mac"), position: try reader.int64("position"))
    }

    /// One `INSERT` of every entry of `entries`, returning each one's sequence number and position. Every value is a
    /// bind parameter; the time is the event's signed milliseconds, stored exactly.
    static func postgresInsert(_ entries: some Collection<AuditEntry>) -> PostgresQuery {
        var sql = PostgresQuery.StringInterpolation(literalCapacity: 64 * entries.count, interpolationCount: 16 * entries.count)
        sql.appendLiteral("INSERT INTO audit_logs (\(PostgresAuditColumns.inserted)) VALUES ")
        var separator = ""
        func bind(_ value: some PostgresDynamicTypeEncodable) {
            sql.appendLiteral(separator)
            sql.appendInterpolation(value)
            separator = ", "
        }
        func bind(optional value: String?) {
            sql.appendLiteral(separator)
            sql.appendInterpolation(value)
            separator = ", "
        }
        for (offset, entry) in entries.enumerated() {
            let event = entry.event
            sql.appendLiteral(offset == 0 ? "(" : "), (")
            separator = ""
            bind(event.id.uuid)
            bind(event.chain.storageKey)
            bind(entry.sequence)
            bind(MillisecondTimestamp(millisecondsSince1970: event.occurredAtMilliseconds))
            bind(event.actor.type.rawValue)
            bind(optional: event.actor.id)
            bind(optional: event.actor.email)
            bind(event.action.rawValue)
            bind(optional: event.target?.type)
            bind(optional: event.target?.id)
            bind(event.result.rawValue)
            bind(optional: event.ipAddress)
            bind(optional: event.userAgent)
            bind(optional: event.requestID)
            bind(event.metadataJSON)
            sql.appendLiteral("::jsonb")
            bind(entry.mac)
        }
        sql.appendLiteral(") RETURNING organization_id, sequence, position")
        return PostgresQuery(stringInterpolation: sql)
    }

    /// Both target columns or neither: the table's CHECK constraint holds them together.
    private static func target(type: String?, id: String?) throws -> AuditTarget? {
        switch (type, id) {
        case (nil, nil): return nil
        case (let type?, let id?): return AuditTarget(type: type, id: id)
        default: throw PostgresStoredValueError(table: "audit_logs", column: "target_id", reason: "target type and id must both be set")
        }
    }
}

extension AuditChainHead {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "audit_chain_heads")
        self.init(
            chain: try AuditChain(storedKey: try reader.string("organization_id"), table: "audit_chain_heads"),
            lastSequence: try reader.int64("last_sequence"),
            lastMAC: try reader.string("last_mac"),
            prunedThroughSequence: try reader.int64("pruned_through_sequence"),
            prunedThroughMAC: try reader.string("pruned_through_mac")
        )
    }
}

extension AuditChain {
    /// The chain named by a stored `organization_id`: `''` or a UUID, anything else is a corrupt row.
    init(storedKey: String, table: String) throws {
        guard let chain = AuditChain(storageKey: storedKey) else {
            throw PostgresStoredValueError(table: table, column: "organization_id", reason: "not a chain key '\(storedKey)'")
        }
        self = chain
    }
}
