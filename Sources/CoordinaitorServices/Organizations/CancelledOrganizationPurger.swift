import CoordinaitorDomain
import Foundation
import Logging
import ServiceLifecycle

/// Purges organizations that have been cancelled for longer than the grace period (`PURGE_GRACE_DAYS`).
///
/// A cancelled organization is frozen (``OrganizationService/update(_:_:)`` refuses changes), so its `updatedAt` is
/// the moment it was cancelled. Runs as a service, checking every `interval`; several nodes may run it at once, since
/// purging an organization that another node just purged is a harmless `notFound`.
package struct CancelledOrganizationPurger: Service {
    private let organizations: OrganizationService
    private let gracePeriod: TimeInterval
    private let interval: Duration
    private let time: any TimeSource
    private let logger: Logger

    package init(organizations: OrganizationService, gracePeriod: TimeInterval, interval: Duration = .seconds(3600), time: any TimeSource, logger: Logger) {
        self.organizations = organizations
        self.gracePeriod = gracePeriod
        self.interval = interval
        self.time = time
        self.logger = logger.scoped(.organizationPurge)
    }

    /// Purges every organization whose grace period is over; returns their ids.
    @discardableResult
    package func purgeExpired() async throws -> [OrganizationID] {
        let deadline = self.time.now().addingTimeInterval(-self.gracePeriod)
        var expired: [OrganizationID] = []
        var page = PageRequest(limit: PageRequest.maximumLimit)
        while true {
            let batch = try await self.organizations.list(filter: OrganizationFilter(status: .cancelled), page: page)
            expired += batch.items.filter { $0.updatedAt <= deadline }.map(\.id)
            guard let next = batch.nextCursor else { break }
            page.after = next
        }
        var purged: [OrganizationID] = []
        for id in expired {
            do {
                try await self.organizations.purge(id)
                purged.append(id)
                self.logger.notice("Purged an organization after its grace period", metadata: ["organization.id": "\(id)"])
            } catch let error as ResourceError where error.code == .notFound || error.code == .invalidTransition {
                // Purged by another node, or reactivated in the meantime.
                continue
            }
        }
        return purged
    }

    package func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                // Waiting first also leaves the start-up migrations time to finish.
                try await Task.sleep(for: self.interval)
                do {
                    try await self.purgeExpired()
                } catch is CancellationError {
                    return
                } catch {
                    self.logger.warning("Purging cancelled organizations failed; retrying later", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
        }
    }
}
