import CoordinaitorDomain
import DequeModule
import Logging
import Synchronization

/// The bounded buffer between recording an event and writing it, and the one place that writes.
///
/// `enqueue` never blocks and never touches the database. ``drain()`` writes what is queued in batches of at most
/// `batchSize`, one batch at a time (so a failed batch goes back to the front, in order); ``AuditWriter`` calls it on
/// a timer, at once for security events, and until empty on shutdown. When the queue is full, new events are dropped
/// and counted: losing audit events is logged as an error and shown in the metrics, never silent.
package final class AuditQueue: Sendable {
    private struct State {
        var events = Deque<AuditEvent>()
        var dropped: Int64 = 0
        var written: Int64 = 0
        /// Failed attempts at the batch now at the front.
        var frontFailures = 0
    }

    /// After this many failed attempts, the front batch is written one event at a time, so one event the database
    /// refuses for good (or one already stored when a commit's acknowledgement was lost) cannot block the rest.
    package static let attemptsBeforeIsolating = 3

    private let state = Mutex(State())
    private let repository: any AuditLogRepository
    private let key: any AuditChainKey
    private let capacity: Int
    private let batchSize: Int
    private let writeLock = AsyncFIFOLock()
    private let logger: Logger
    /// Signalled when an urgent event arrives or a batch is full, so the writer does not wait for its timer.
    package let wake = WakeSignal()
    private let observer: (any AuditQueueObserver)?

    package init(
        repository: any AuditLogRepository,
        key: any AuditChainKey,
        capacity: Int = 100_000,
        batchSize: Int = 500,
        observer: (any AuditQueueObserver)? = nil,
        logger: Logger
    ) {
        self.repository = repository
        self.key = key
        self.capacity = capacity
        self.batchSize = batchSize
        self.observer = observer
        self.logger = logger.scoped(.auditQueue)
    }

    package func enqueue(_ event: AuditEvent) {
        let outcome = self.state.withLock { state -> (accepted: Bool, depth: Int) in
            guard state.events.count < self.capacity else {
                state.dropped += 1
                return (false, state.events.count)
            }
            state.events.append(event)
            return (true, state.events.count)
        }
        self.observer?.auditQueueDepthChanged(outcome.depth)
        guard outcome.accepted else {
            self.observer?.auditEventDropped()
            self.logger.error(
                "Audit queue full: event dropped",
                metadata: ["audit.action": "\(event.action)", "audit.capacity": "\(self.capacity)"]
            )
            return
        }
        if event.isUrgent || outcome.depth >= self.batchSize { self.wake.signal() }
    }

    /// Events waiting to be written.
    package var depth: Int { self.state.withLock { $0.events.count } }
    /// Events dropped because the queue was full, since start.
    package var droppedCount: Int64 { self.state.withLock { $0.dropped } }
    /// Events written, since start.
    package var writtenCount: Int64 { self.state.withLock { $0.written } }

    /// Writes everything queued when it is called, batch by batch. Stops at the first batch that fails (it stays at the
    /// front for the next try) and returns false then.
    @discardableResult
    package func drain() async -> Bool {
        await self.writeLock.withLock {
            var remaining = self.depth
            while remaining > 0 {
                let batch = self.state.withLock { state -> [AuditEvent] in
                    let count = min(self.batchSize, state.events.count)
                    let batch = Array(state.events.prefix(count))
                    state.events.removeFirst(count)
                    return batch
                }
                if batch.isEmpty { break }
                if self.state.withLock({ $0.frontFailures }) >= Self.attemptsBeforeIsolating {
                    guard await self.writeOneByOne(batch) else { return false }
                    remaining -= batch.count
                    continue
                }
                do {
                    _ = try await self.repository.append(batch, key: self.key)
                    self.state.withLock { state in
                        state.written += Int64(batch.count)
                        state.frontFailures = 0
                    }
                    remaining -= batch.count
                } catch {
                    // Back to the front, in order, for the next attempt; beyond capacity the oldest are kept.
                    self.state.withLock { state in
                        state.events.insert(contentsOf: batch, at: state.events.startIndex)
                        state.frontFailures += 1
                    }
                    self.logger.warning(
                        "Could not write audit events; will retry",
                        metadata: ["audit.batch": "\(batch.count)", "error": "\(String(reflecting: error))"]
                    )
                    self.observer?.auditQueueDepthChanged(self.depth)
                    return false
                }
            }
            self.observer?.auditQueueDepthChanged(self.depth)
            return true
        }
    }

    /// The slow path for a batch that keeps failing: each event alone; one that still fails is dropped, logged in full
    /// (so it is not lost to the operator) and counted. If the database is down altogether, every event fails alike:
    /// those are put back and the isolation is tried again later.
    private func writeOneByOne(_ batch: [AuditEvent]) async -> Bool {
        var refused: [AuditEvent] = []
        var written = 0
        for event in batch {
            do {
                _ = try await self.repository.append([event], key: self.key)
                written += 1
            } catch {
                refused.append(event)
                self.logger.error(
                    "Audit event refused by the database; dropped",
                    metadata: [
                        "audit.action": "\(event.action)", "audit.id": "\(event.id)", "audit.organization": "\(event.chain.storageKey)",
                        "error": "\(String(reflecting: error))"
                    ]
                )
            }
        }
        if written == 0 && !refused.isEmpty {
            // Nothing went through: the database, not the events, is the problem. Keep them all.
            self.state.withLock { state in state.events.insert(contentsOf: batch, at: state.events.startIndex) }
            return false
        }
        self.state.withLock { state in
            state.written += Int64(written)
            state.dropped += Int64(refused.count)
            state.frontFailures = 0
        }
        for _ in refused { self.observer?.auditEventDropped() }
        return true
    }

    /// Returns once every event queued before the call has been written, or a write failed.
    package func flush() async {
        await self.drain()
    }
}

/// Told about the queue's depth and drops (the metrics implement it).
package protocol AuditQueueObserver: Sendable {
    func auditQueueDepthChanged(_ depth: Int)
    func auditEventDropped()
}
