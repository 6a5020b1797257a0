import FoundationEssentials

/// The append-only audit log. Rows are never updated; they are deleted only by ``prune(_:before:)``, and deleting an
/// organization leaves its entries in place (they are evidence, not tenant data).
package protocol AuditLogRepository: Sendable {
    /// Appends `events` in the given order, in one transaction. Per chain, it locks the chain's head, gives each event
    /// the next sequence number and seals it with `key` after the previous entry, then moves the head. Concurrent
    /// appends from several nodes therefore never fork a chain or reuse a number.
    /// Returns the stored entries, in the order of `events`.
    func append(_ events: [AuditEvent], key: any AuditChainKey) async throws -> [AuditEntry]

    /// Entries matching `query`, newest first (by storage position), with a cursor for the next page.
    func query(_ query: AuditQuery) async throws -> Page<AuditEntry>

    /// The chain's head; nil when the chain has no entry yet.
    func head(of chain: AuditChain) async throws -> AuditChainHead?

    /// Up to `limit` entries of `chain` with sequence ≥ `fromSequence`, in ascending sequence order: how verification
    /// reads a chain page by page.
    func entries(of chain: AuditChain, fromSequence: Int64, limit: Int) async throws -> [AuditEntry]

    /// Deletes the chain's oldest entries: every entry up to the highest sequence number that occurred before `cutoff`.
    /// Records that sequence number and its MAC in the head in the same transaction, so the rest still verifies.
    /// Returns how many entries were deleted.
    func prune(_ chain: AuditChain, before cutoff: Date) async throws -> Int

    /// Every chain that has a head.
    func chains() async throws -> [AuditChain]
}
