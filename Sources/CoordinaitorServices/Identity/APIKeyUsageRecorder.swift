import CoordinaitorDomain
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Remembers when API keys were last used and writes it in batches, so authenticating a key costs no database write.
///
/// A service: it flushes every `interval` and once more on graceful shutdown. A crash loses at most one interval of
/// `lastUsedAt` updates, which only inform people.
package final class APIKeyUsageRecorder: Service, Sendable {
    private let pending = Mutex<[APIKeyID: Date]>([:])
    private let keys: any APIKeyRepository
    private let interval: Duration
    private let logger: Logger

    package init(keys: any APIKeyRepository, interval: Duration = .seconds(5), logger: Logger) {
        self.keys = keys
        self.interval = interval
        self.logger = logger
    }

    package func record(_ key: APIKeyID, at time: Date) {
        self.pending.withLock { pending in
            if pending[key].map({ $0 < time }) ?? true { pending[key] = time }
        }
    }

    /// Writes what was recorded since the last flush; on failure it is kept for the next one.
    package func flush() async {
        let batch = self.pending.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
        guard !batch.isEmpty else { return }
        do {
            try await self.keys.recordUse(batch)
        } catch {
            self.logger.warning("Could not record API key use; retrying later", metadata: ["error": "\(String(reflecting: error))"])
            batch.forEach { self.record($0.key, at: $0.value) }
        }
    }

    package func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: self.interval)
                await self.flush()
            }
        }
        // The last batch, written even when the group was cancelled rather than shut down gracefully.
        await Task.detached { await self.flush() }.value
    }
}
