import CoordinaitorDomain
import Logging
import ServiceLifecycle

/// Deletes audit entries past their organization's retention (30, 90, 365 days or never, by tier), every `interval`.
/// Each prune records its boundary in the chain head, so what is left still verifies. Several nodes may run it at once:
/// pruning what another node just pruned deletes nothing.
package struct AuditRetentionPruner: Service {
    private let audit: AuditService
    private let organizations: any OrganizationRepository
    private let interval: Duration
    private let logger: Logger

    package init(audit: AuditService, organizations: any OrganizationRepository, interval: Duration = .seconds(3600), logger: Logger) {
        self.audit = audit
        self.organizations = organizations
        self.interval = interval
        self.logger = logger.scoped(.auditWriter)
    }

    package func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while true {
                try await Task.sleep(for: self.interval)
                do {
                    try await self.audit.pruneExpired(organizations: self.organizations)
                } catch is CancellationError {
                    return
                } catch {
                    self.logger.warning("Pruning the audit log failed; retrying later", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
        }
    }
}
