import CoordinaitorDomain
import Foundation
import PostgresNIO

/// The audit log on PostgreSQL. An append locks its chains' head rows (`FOR UPDATE`) before numbering and sealing,
/// so appends to one chain from any number of nodes take turns while different chains proceed in parallel.
struct PostgresAuditLogRepository: AuditLogRepository {
    /// Entries per `INSERT`: 16 binds each keeps a statement far below PostgreSQL's limit of 65 535 parameters.
    private static let rowsPerInsert = 500
    let database: PostgresDatabase

    func append(_ events: [AuditEvent], key: any AuditChainKey) async throws -> [AuditEntry] {
        guard !events.isEmpty else { return [] }
        let logger = self.database.logger
        // A batch usually spans many organizations (an `api.request` entry per call): the heads are created, locked,
        // read and moved, and the entries inserted, with a statement per step for the whole batch, not per chain.
        let storageKeys = Array(Set(events.map(\.chain.storageKey))).sorted()
        return try await self.database.transaction { connection in
            let heads = try await Self.lockHeads(storageKeys, on: connection, logger: logger)
            if let vanished = storageKeys.first(where: { heads[$0] == nil }) {
                throw PostgresStoredValueError(table: "audit_chain_heads", column: "organization_id", reason: "head of '\(vanished)' vanished")
            }
            let sealed = key.seal(events, after: heads)
            var entries = sealed.entries
            for start in stride(from: 0, to: entries.count, by: Self.rowsPerInsert) {
                let chunk = start..<min(start + Self.rowsPerInsert, entries.count)
                let rows = try await connection.rows(AuditEntry.postgresInsert(entries[chunk]), logger: logger)
                var positions: [AuditEntrySlot: Int64] = [:]
                for row in rows {
                    let (storageKey, sequence, position) = try row.decode((String, Int64, Int64).self)
                    positions[AuditEntrySlot(storageKey: storageKey, sequence: sequence)] = position
                }
                if let missing = AuditEntry.assignPositions(positions, to: &entries, in: chunk) {
                    throw PostgresStoredValueError(table: "audit_logs", column: "position", reason: "none returned for \(missing.sequence)")
                }
            }
            let moved = sealed.tips.sorted { $0.key < $1.key }
            _ = try await connection.rows(
                """
                UPDATE audit_chain_heads AS head SET last_sequence = moved.last_sequence, last_mac = moved.last_mac
                FROM unnest(\(moved.map(\.key))::text[], \(moved.map(\.value.sequence))::bigint[], \(moved.map(\.value.mac))::text[])
                    AS moved (organization_id, last_sequence, last_mac)
                WHERE head.organization_id = moved.organization_id
                """,
                logger: logger
            )
            return entries
        }
    }

    /// Creates the heads of new chains, then locks every head until the transaction ends and returns where each
    /// stands. Locks are taken in ascending key order (the sort runs before the row locks), so two nodes appending to
    /// chains A and B both lock A first and never deadlock; a concurrent append to a chain waits here and then reads
    /// the head the other one leaves.
    private static func lockHeads(
        _ storageKeys: [String],
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [String: AuditChainTip] {
        _ = try await connection.rows(
            """
            INSERT INTO audit_chain_heads (organization_id, last_sequence, last_mac)
            SELECT key, 0, '' FROM unnest(\(storageKeys)::text[]) AS key ORDER BY key
            ON CONFLICT (organization_id) DO NOTHING
            """,
            logger: logger
        )
        let rows = try await connection.rows(
            """
            SELECT organization_id, last_sequence, last_mac FROM audit_chain_heads
            WHERE organization_id = ANY(\(storageKeys)::text[]) ORDER BY organization_id FOR UPDATE
            """,
            logger: logger
        )
        var heads: [String: AuditChainTip] = [:]
        for row in rows {
            let (storageKey, sequence, mac) = try row.decode((String, Int64, String).self)
            heads[storageKey] = AuditChainTip(sequence: sequence, mac: mac)
        }
        return heads
    }

    func query(_ query: AuditQuery) async throws -> Page<AuditEntry> {
        let cursor = try Self.position(query.page.after)
        let match = query.actionMatch
        let exactAction = match.flatMap { $0.isPrefix ? nil : $0.value }
        let actionPrefix = match.flatMap { $0.isPrefix ? $0.value : nil }
        let chain = query.chain?.storageKey
        let from = query.from.map(MillisecondTimestamp.init)
        let until = query.until.map(MillisecondTimestamp.init)
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresAuditColumns.entry) FROM audit_logs
            WHERE (\(chain)::text IS NULL OR organization_id = \(chain))
              AND (\(exactAction)::text IS NULL OR action = \(exactAction))
              AND (\(actionPrefix)::text IS NULL OR action LIKE \(actionPrefix) ESCAPE '\\')
              AND (\(query.actor)::text IS NULL OR actor_id = \(query.actor) OR actor_email = \(query.actor))
              AND (\(query.actorType?.rawValue)::text IS NULL OR actor_type = \(query.actorType?.rawValue))
              AND (\(query.result?.rawValue)::text IS NULL OR result = \(query.result?.rawValue))
              AND (\(from)::timestamptz IS NULL OR occurred_at >= \(from))
              AND (\(until)::timestamptz IS NULL OR occurred_at < \(until))
              AND (\(cursor)::bigint IS NULL OR position < \(cursor))
            ORDER BY position DESC
            LIMIT \(PostgresPage.fetchLimit(query.page))
            """
        )
        return try PostgresPage.page(rows, for: query.page, decode: AuditEntry.init(postgresRow:)) { String($0.position) }
    }

    /// A cursor is the position of the last entry of the previous page, written as a plain positive integer.
    private static func position(_ cursor: String?) throws(ValidationError) -> Int64? {
        guard let cursor else { return nil }
        guard let position = Int64(cursor), position > 0, String(position) == cursor else {
            throw ValidationError(field: "after", "Must be the cursor of a previous page.")
        }
        return position
    }

    func head(of chain: AuditChain) async throws -> AuditChainHead? {
        let rows = try await self.database.rows(
            "SELECT \(unescaped: PostgresAuditColumns.head) FROM audit_chain_heads WHERE organization_id = \(chain.storageKey)"
        )
        return try rows.first.map(AuditChainHead.init(postgresRow:))
    }

    func entries(of chain: AuditChain, fromSequence: Int64, limit: Int) async throws -> [AuditEntry] {
        let rows = try await self.database.rows(
            """
            SELECT \(unescaped: PostgresAuditColumns.entry) FROM audit_logs
            WHERE organization_id = \(chain.storageKey) AND sequence >= \(fromSequence)
            ORDER BY sequence
            LIMIT \(max(limit, 0))
            """
        )
        return try rows.map(AuditEntry.init(postgresRow:))
    }

    /// The head is locked first, so a prune takes turns with appends and other prunes of the chain. The boundary is
    /// the highest sequence number among the old entries, not the last old entry in time order: a late batch can hold
    /// an older event after newer ones, and the chain can only be cut between two sequence numbers.
    func prune(_ chain: AuditChain, before cutoff: Date) async throws -> Int {
        let logger = self.database.logger
        let storageKey = chain.storageKey
        let cutoff = MillisecondTimestamp(cutoff)
        return try await self.database.transaction { connection in
            let heads = try await connection.rows(
                "SELECT pruned_through_sequence FROM audit_chain_heads WHERE organization_id = \(storageKey) FOR UPDATE",
                logger: logger
            )
            guard let head = heads.first else { return 0 }
            let prunedThrough = try head.decode(Int64.self)
            let boundaries = try await connection.rows(
                """
                SELECT sequence, mac FROM audit_logs
                WHERE organization_id = \(storageKey)
                  AND sequence = (SELECT max(sequence) FROM audit_logs WHERE organization_id = \(storageKey) AND occurred_at < \(cutoff))
                """,
                logger: logger
            )
            guard let boundary = boundaries.first else { return 0 }
            let (sequence, mac) = try boundary.decode((Int64, String).self)
            // Never move the boundary back (only an entry left behind by hand could be older than it).
            guard sequence > prunedThrough else { return 0 }
            let deleted = try await connection.rows(
                """
                WITH deleted AS (DELETE FROM audit_logs WHERE organization_id = \(storageKey) AND sequence <= \(sequence) RETURNING 1)
                SELECT count(*) FROM deleted
                """,
                logger: logger
            )
            _ = try await connection.rows(
                """
                UPDATE audit_chain_heads SET pruned_through_sequence = \(sequence), pruned_through_mac = \(mac)
                WHERE organization_id = \(storageKey)
                """,
                logger: logger
            )
            return try deleted.first.map { try $0.decode(Int.self) } ?? 0
        }
    }

    func chains() async throws -> [AuditChain] {
        let rows = try await self.database.rows("SELECT organization_id FROM audit_chain_heads ORDER BY organization_id")
        return try rows.map { try AuditChain(storedKey: try $0.decode(String.self), table: "audit_chain_heads") }
    }
}
