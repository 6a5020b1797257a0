import Logging
import ServiceLifecycle

/// Runs next to the server and writes the audit queue: every `interval`, at once when a security event or a full
/// batch arrives, and everything that is left on graceful shutdown (so a normal stop loses nothing).
package struct AuditWriter: Service {
    private let queue: AuditQueue
    private let interval: Duration
    private let logger: Logger

    package init(queue: AuditQueue, interval: Duration = .milliseconds(500), logger: Logger) {
        self.queue = queue
        self.interval = interval
        self.logger = logger.scoped(.auditWriter)
    }

    package func run() async throws {
        await cancelWhenGracefulShutdown {
            var failures = 0
            while !Task.isCancelled {
                // After a failed write, back off (up to 10 s) instead of hammering a database that is down.
                let wait = failures == 0 ? self.interval : min(.seconds(10), self.interval * (1 << min(failures, 5)))
                await self.queue.wake.wait(upTo: wait)
                failures = await self.queue.drain() ? 0 : failures + 1
            }
        }
        // Shutdown: write what is left, retrying a few times; detached so the group's cancellation cannot cut it short.
        let remaining = await Task.detached { () -> Int in
            for attempt in 0..<5 {
                if await self.queue.drain() { return 0 }
                try? await Task.sleep(for: .milliseconds(200 * (attempt + 1)))
            }
            return self.queue.depth
        }.value
        if remaining > 0 {
            self.logger.error("Audit events could not be written at shutdown and are lost", metadata: ["audit.events": "\(remaining)"])
        }
    }
}
