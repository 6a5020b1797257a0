import CoordinaitorDomain
import Foundation
import Logging

/// Reading, verifying and pruning the audit log.
package struct AuditService: Sendable {
    /// Kept for chains whose retention no tier decides: the platform's, and those of organizations since purged.
    package static let unownedRetentionDays = 365
    /// Entries read per query while verifying or exporting.
    package static let readBatchSize = 1000

    private let repository: any AuditLogRepository
    private let key: any AuditChainKey
    private let trail: AuditTrail
    private let time: any TimeSource
    private let logger: Logger

    package init(repository: any AuditLogRepository, key: any AuditChainKey, trail: AuditTrail, time: any TimeSource, logger: Logger) {
        self.repository = repository
        self.key = key
        self.trail = trail
        self.time = time
        self.logger = logger.scoped(.auditWriter)
    }

    /// One page of entries matching `query`, newest first. Entries still queued are written first, so a reader sees
    /// what happened up to the moment they asked.
    package func list(_ query: AuditQuery) async throws -> Page<AuditEntry> {
        await self.trail.flush()
        return try await self.repository.query(query)
    }

    /// Walks the chain from its pruned boundary to its head and reports the first break.
    package func verify(_ chain: AuditChain) async throws -> AuditVerification {
        await self.trail.flush()
        guard let head = try await self.repository.head(of: chain) else {
            return AuditVerification(
                chain: chain, intact: true, checkedEntries: 0, firstBrokenSequence: nil, problem: nil, firstSequence: 1, lastSequence: 0)
        }
        var verifier = AuditChainVerifier(head: head, key: self.key)
        var next = head.prunedThroughSequence + 1
        while !verifier.isBroken {
            let entries = try await self.repository.entries(of: chain, fromSequence: next, limit: Self.readBatchSize)
            for entry in entries { verifier.consume(entry) }
            guard let last = entries.last, entries.count == Self.readBatchSize else { break }
            next = last.sequence + 1
        }
        return verifier.finish()
    }

    /// Deletes the chain's entries older than `retentionDays` (nil keeps everything) and records the prune in the chain.
    @discardableResult
    package func prune(_ chain: AuditChain, retentionDays: Int?) async throws -> Int {
        guard let retentionDays else { return 0 }
        let cutoff = self.time.now().addingTimeInterval(-Double(retentionDays) * 86400)
        let deleted = try await self.repository.prune(chain, before: cutoff)
        if deleted > 0 {
            self.trail.record(
                .auditPruned, in: chain.organizationID, actor: .system,
                metadata: ["deleted": String(deleted), "before": ISO8601DateFormatter().string(from: cutoff), "retentionDays": String(retentionDays)]
            )
            self.logger.info(
                "Pruned audit entries past retention",
                metadata: ["audit.chain": "\(chain)", "audit.deleted": "\(deleted)"]
            )
        }
        return deleted
    }

    /// Prunes every chain by its organization's tier (platform and purged organizations: ``unownedRetentionDays``).
    /// Returns the number of entries deleted per chain that lost any.
    @discardableResult
    package func pruneExpired(organizations: any OrganizationRepository) async throws -> [AuditChain: Int] {
        var deletedByChain: [AuditChain: Int] = [:]
        for chain in try await self.repository.chains() {
            var retention: Int? = Self.unownedRetentionDays
            if let id = chain.organizationID, let organization = try await organizations.find(.id(id)) {
                retention = organization.plan.auditRetentionDays
            }
            let deleted = try await self.prune(chain, retentionDays: retention)
            if deleted > 0 { deletedByChain[chain] = deleted }
        }
        return deletedByChain
    }
}
