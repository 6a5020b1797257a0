import CoordinaitorDomain
import CoordinaitorSQLite
import CoordinaitorServices
import CoordinaitorTesting
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// The audit queue and writer over a real SQLite store: batching, the bound, poison events, and the final drain.
@Suite("Audit queue and writer")
struct AuditQueueTests {
    static let key = HMACAuditChainKey(secret: "audit-queue-test-secret")
    static let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    static let organization = OrganizationID(UUID())

    /// Passes appends through to the real repository, except that it refuses any batch holding a poisoned event id.
    final class RefusingAuditLog: AuditLogRepository {
        let base: any AuditLogRepository
        let poisoned: Set<AuditEventID>

        init(base: any AuditLogRepository, poisoned: Set<AuditEventID>) {
            self.base = base
            self.poisoned = poisoned
        }

        struct Refused: Error {}

        func append(_ events: [AuditEvent], key: any AuditChainKey) async throws -> [AuditEntry] {
            if events.contains(where: { self.poisoned.contains($0.id) }) { throw Refused() }
            return try await self.base.append(events, key: key)
        }

        func query(_ query: AuditQuery) async throws -> Page<AuditEntry> { try await self.base.query(query) }
        func head(of chain: AuditChain) async throws -> AuditChainHead? { try await self.base.head(of: chain) }
        func entries(of chain: AuditChain, fromSequence: Int64, limit: Int) async throws -> [AuditEntry] {
            try await self.base.entries(of: chain, fromSequence: fromSequence, limit: limit)
        }
        func prune(_ chain: AuditChain, before cutoff: Date) async throws -> Int { try await self.base.prune(chain, before: cutoff) }
        func chains() async throws -> [AuditChain] { try await self.base.chains() }
    }

    static func event(_ index: Int) -> AuditEvent {
        AuditEvent(
            id: AuditEventID(UUID()), organizationID: Self.organization, occurredAt: Date(), actor: .system, action: .taskCreated,
            target: AuditTarget(type: "task", id: "t\(index)"))
    }

    static func count(_ store: SQLiteDataStore) async throws -> Int {
        var total = 0
        var query = AuditQuery(chain: AuditChain(Self.organization), page: PageRequest(limit: 100))
        while true {
            let page = try await store.audit.query(query)
            total += page.items.count
            guard let next = page.nextCursor else { return total }
            query.page.after = next
        }
    }

    @Test func drainingWritesEverythingInBatchesAndTheChainVerifies() async throws {
        try await withSQLiteStore { store in
            let queue = AuditQueue(repository: store.audit, key: Self.key, batchSize: 50, logger: Self.logger)
            for index in 0..<235 { queue.enqueue(Self.event(index)) }
            #expect(queue.depth == 235)
            #expect(await queue.drain())
            #expect(queue.depth == 0)
            #expect(queue.writtenCount == 235)
            #expect(try await Self.count(store) == 235)
            let head = try #require(try await store.audit.head(of: AuditChain(Self.organization)))
            #expect(head.lastSequence == 235)
        }
    }

    @Test func aFullQueueDropsAndCountsNewEvents() async throws {
        try await withSQLiteStore { store in
            let queue = AuditQueue(repository: store.audit, key: Self.key, capacity: 100, logger: Self.logger)
            for index in 0..<130 { queue.enqueue(Self.event(index)) }
            #expect(queue.depth == 100)
            #expect(queue.droppedCount == 30)
            await queue.flush()
            let written = try await Self.count(store)
            #expect(written == 100)
        }
    }

    @Test func anEventTheDatabaseKeepsRefusingDoesNotBlockTheOthers() async throws {
        try await withSQLiteStore { store in
            let events = (0..<10).map(Self.event)
            let repository = RefusingAuditLog(base: store.audit, poisoned: [events[4].id])
            let queue = AuditQueue(repository: repository, key: Self.key, batchSize: 10, logger: Self.logger)
            for event in events { queue.enqueue(event) }
            // The batch fails as a whole a few times and stays queued, in order.
            for _ in 0..<AuditQueue.attemptsBeforeIsolating {
                #expect(await queue.drain() == false)
                #expect(queue.depth == 10)
            }
            // Then each event is tried alone: nine are written, the poisoned one is dropped and counted.
            #expect(await queue.drain())
            #expect(queue.depth == 0)
            #expect(queue.droppedCount == 1)
            let written = try await Self.count(store)
            #expect(written == 9)
        }
    }

    @Test func theWriterDrainsTheQueueOnGracefulShutdown() async throws {
        try await withSQLiteStore { store in
            let queue = AuditQueue(repository: store.audit, key: Self.key, logger: Self.logger)
            // A long interval: only the shutdown drain can write these.
            let writer = AuditWriter(queue: queue, interval: .seconds(3600), logger: Self.logger)
            let group = ServiceGroup(configuration: .init(services: [writer], logger: Self.logger))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                for index in 0..<500 { queue.enqueue(Self.event(index)) }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(queue.depth == 0)
            let written = try await Self.count(store)
            #expect(written == 500)
        }
    }
}
