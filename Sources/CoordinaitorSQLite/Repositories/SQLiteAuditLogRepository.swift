import CoordinaitorDomain
import Foundation
import SQLiteNIO

/// The audit log on SQLite. Every write runs on the single writer inside `BEGIN IMMEDIATE`, which serializes appends
/// to a chain across this process and every other one using the file: reading the head and moving it is atomic.
struct SQLiteAuditLogRepository: AuditLogRepository {
    /// Chains per head read or head move (three binds each at most).
    private static let keysPerStatement = 500
    let connections: SQLiteConnections

    func append(_ events: [AuditEvent], key: any AuditChainKey) async throws -> [AuditEntry] {
        guard !events.isEmpty else { return [] }
        // A batch usually spans many organizations (an `api.request` entry per call). It reads every head, inserts
        // every entry and moves every head with a statement per step (per chunk), not per chain: the writer is shared
        // by every write of the server, and a statement per chain held it long enough to stall task creation.
        let storageKeys = Array(Set(events.map(\.chain.storageKey))).sorted()
        // Database work and sealing only, so it can share a commit with other grouped writes.
        return try await self.connections.groupedWrite { transaction in
            let heads = try Self.heads(of: storageKeys, transaction: transaction)
            let sealed = key.seal(events, after: heads)
            var entries = sealed.entries
            for index in entries.indices {
                entries[index].position = try Self.insert(entries[index], transaction: transaction)
            }
            try Self.move(sealed.tips, transaction: transaction)
            return entries
        }
    }

    /// The heads of the chains that have one.
    private static func heads(of storageKeys: [String], transaction: SQLiteTransaction) throws -> [String: AuditChainTip] {
        var heads: [String: AuditChainTip] = [:]
        for start in stride(from: 0, to: storageKeys.count, by: Self.keysPerStatement) {
            let chunk = storageKeys[start..<min(start + Self.keysPerStatement, storageKeys.count)]
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let rows = try transaction.query(
                "SELECT organization_id, last_sequence, last_mac FROM audit_chain_heads WHERE organization_id IN (\(placeholders))",
                chunk.map { .text($0) })
            for row in rows {
                let reader = SQLiteRowReader(row, table: "audit_chain_heads")
                heads[try reader.string("organization_id")] = AuditChainTip(sequence: Int64(try reader.int("last_sequence")), mac: try reader.string("last_mac"))
            }
        }
        return heads
    }

    /// Inserts one entry and returns its position. One prepared single-row statement without `RETURNING`, run once per
    /// entry: a statement that writes several rows (or returns what it wrote) and can fail on a constraint makes SQLite
    /// keep a statement journal of every page it touches, six B-trees per entry here, and a multi-row text had to be
    /// prepared anew for every batch.
    private static func insert(_ entry: AuditEntry, transaction: SQLiteTransaction) throws -> Int64 {
        try transaction.query(AuditEntry.sqliteInsertSQL, entry.sqliteValues())
        return transaction.lastInsertedRowID
    }

    /// Creates or moves the heads of the chains in `heads`.
    private static func move(_ heads: [String: AuditChainTip], transaction: SQLiteTransaction) throws {
        let sorted = heads.sorted { $0.key < $1.key }
        for start in stride(from: 0, to: sorted.count, by: Self.keysPerStatement) {
            let chunk = sorted[start..<min(start + Self.keysPerStatement, sorted.count)]
            let rows = Array(repeating: "(?, ?, ?)", count: chunk.count).joined(separator: ", ")
            try transaction.query(
                """
                INSERT INTO audit_chain_heads (organization_id, last_sequence, last_mac) VALUES \(rows)
                ON CONFLICT (organization_id) DO UPDATE SET last_sequence = excluded.last_sequence, last_mac = excluded.last_mac
                """,
                chunk.flatMap { [.text($0.key), .integer(SQLiteInt64($0.value.sequence)), .text($0.value.mac)] as [SQLiteData] }
            )
        }
    }

    func query(_ query: AuditQuery) async throws -> Page<AuditEntry> {
        let statement = try SQLiteAuditQuery(query)
        let rows = try await self.connections.read { try $0.query(statement.sql, statement.binds) }
        return Page(fetched: try rows.map(AuditEntry.init(sqliteRow:)), limit: statement.limit) { String($0.position) }
    }

    func head(of chain: AuditChain) async throws -> AuditChainHead? {
        let sql = "SELECT \(AuditChainHead.sqliteSelectList) FROM audit_chain_heads WHERE organization_id = ?"
        let rows = try await self.connections.read { try $0.query(sql, [.text(chain.storageKey)]) }
        return try rows.first.map(AuditChainHead.init(sqliteRow:))
    }

    func entries(of chain: AuditChain, fromSequence: Int64, limit: Int) async throws -> [AuditEntry] {
        let sql = """
            SELECT \(AuditEntry.sqliteSelectList) FROM audit_logs
            WHERE organization_id = ? AND sequence >= ?
            ORDER BY sequence LIMIT ?
            """
        let binds: [SQLiteData] = [.text(chain.storageKey), .integer(SQLiteInt64(fromSequence)), .integer(SQLiteInt64(max(limit, 0)))]
        let rows = try await self.connections.read { try $0.query(sql, binds) }
        return try rows.map(AuditEntry.init(sqliteRow:))
    }

    /// The boundary is the highest sequence number among the old entries, not the last old entry in time order: a
    /// late batch can hold an older event after newer ones, and the chain can only be cut between two sequence numbers.
    func prune(_ chain: AuditChain, before cutoff: Date) async throws -> Int {
        let storageKey = SQLiteData.text(chain.storageKey)
        return try await self.connections.write { transaction in
            let boundaryRows = try transaction.query(
                """
                SELECT sequence, mac FROM audit_logs
                WHERE organization_id = ?1
                  AND sequence = (SELECT MAX(sequence) FROM audit_logs WHERE organization_id = ?1 AND occurred_at < ?2)
                """,
                [storageKey, .date(cutoff)]
            )
            guard let row = boundaryRows.first else { return 0 }
            let reader = SQLiteRowReader(row, table: "audit_logs")
            let boundary = Int64(try reader.int("sequence"))
            let updated = try transaction.query(
                """
                UPDATE audit_chain_heads SET pruned_through_sequence = ?, pruned_through_mac = ?
                WHERE organization_id = ? AND pruned_through_sequence < ?
                RETURNING organization_id
                """,
                [.integer(SQLiteInt64(boundary)), .text(try reader.string("mac")), storageKey, .integer(SQLiteInt64(boundary))]
            )
            // No head, or one already past this boundary (an entry left behind by hand): nothing to move.
            guard !updated.isEmpty else { return 0 }
            try transaction.query(
                "DELETE FROM audit_logs WHERE organization_id = ? AND sequence <= ?", [storageKey, .integer(SQLiteInt64(boundary))]
            )
            let changes = try transaction.query("SELECT changes() AS deleted")
            return try changes.first.map { try SQLiteRowReader($0, table: "audit_logs").int("deleted") } ?? 0
        }
    }

    func chains() async throws -> [AuditChain] {
        let sql = "SELECT organization_id FROM audit_chain_heads ORDER BY organization_id"
        let rows = try await self.connections.read { try $0.query(sql) }
        return try rows.map { row in
            try AuditChain(storedKey: try SQLiteRowReader(row, table: "audit_chain_heads").string("organization_id"), table: "audit_chain_heads")
        }
    }
}
