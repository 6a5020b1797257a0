import CoordinaitorDomain
import CoordinaitorSQLite
import CoordinaitorServices
import CoordinaitorTesting
import Foundation
import Logging
import Testing

@Suite("Purging cancelled organizations after their grace period")
struct PurgeTests {
    @Test func onlyOrganizationsCancelledLongerThanTheGracePeriodArePurged() async throws {
        try await withSQLiteStore { store in
            let time = ManualTimeSource(Date(timeIntervalSince1970: 1_800_000_000))
            let cache = TenantCache(time: time)
            let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            let key = HMACAuditChainKey(secret: "purge-test-secret")
            let audit = AuditTrail(queue: AuditQueue(repository: store.audit, key: key, logger: logger), time: time, ids: UUIDv7Source())
            let organizations = OrganizationService(organizations: store.organizations, cache: cache, time: time, ids: UUIDv7Source(), audit: audit)
            let purger = CancelledOrganizationPurger(organizations: organizations, gracePeriod: 30 * 86400, time: time, logger: logger)
            func make(_ slug: String) async throws -> Organization {
                try await organizations.create(NewOrganization(name: slug, displayName: slug, subdomain: slug, contactEmail: "a@\(slug).com"))
            }
            let doomed = try await make("doomed")
            let active = try await make("active")
            let reactivated = try await make("reactivated")
            _ = try await organizations.setStatus(.cancelled, of: .id(doomed.id))
            _ = try await organizations.setStatus(.cancelled, of: .id(reactivated.id))

            // A cancelled organization is frozen, so its grace period cannot be extended by edits.
            await #expect(throws: ResourceError.self) {
                _ = try await organizations.update(doomed.id) { $0 }
            }
            time.advance(by: 29 * 86400)
            #expect(try await purger.purgeExpired().isEmpty)
            _ = try await organizations.setStatus(.active, of: .id(reactivated.id))
            time.advance(by: 2 * 86400)
            #expect(try await purger.purgeExpired() == [doomed.id])
            #expect(try await organizations.find(.id(doomed.id)) == nil)
            #expect(try await organizations.find(.id(active.id)) != nil)
            #expect(try await organizations.find(.id(reactivated.id))?.status == .active)
            #expect(try await purger.purgeExpired().isEmpty)

            // The purged organization's audit log outlives it, ending with the purge, and still verifies.
            await audit.flush()
            let log = AuditService(repository: store.audit, key: key, trail: audit, time: time, logger: logger)
            let entries = try await log.list(AuditQuery(chain: AuditChain(doomed.id))).items.map(\.event.action)
            #expect(entries == [.organizationPurged, .organizationCancelled, .organizationCreated])
            #expect(try await log.verify(AuditChain(doomed.id)).intact)
        }
    }
}
