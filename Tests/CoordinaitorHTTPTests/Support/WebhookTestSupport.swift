import CoordinaitorDomain
import CoordinaitorServices
import CoordinaitorTesting
import Crypto
import Foundation
import Logging
import Synchronization

/// Runs `body` over a fresh, migrated store of `backend`, without an HTTP server (and so without the application's
/// own dispatcher): for tests that run dispatchers themselves, with short schedules, and stop and restart them.
func withWebhookStore(_ backend: TestBackend, _ body: @escaping @Sendable (any DataStore) async throws -> Void) async throws {
    switch backend {
    case .sqlite: try await withSQLiteStore { try await body($0) }
    case .postgres: try await withPostgresStore { try await body($0) }
    }
}

/// Usage observers are not what these tests look at.
struct IgnoredUsage: UsageObserver {
    func usageChanged(in organization: Organization, to receipt: UsageReceipt) {}
    func usageReleased(in organization: OrganizationID, to receipt: UsageReceipt) {}
    func limitExceeded(_ error: LimitExceededError, in organization: Organization) {}
}

/// A professional organization with a webhook service over `store` that may target 127.0.0.1.
struct WebhookFixture: Sendable {
    var store: any DataStore
    var organization: Organization
    var service: WebhookService
    var logger: Logger

    static func make(on store: any DataStore, slug: String = "acme") async throws -> WebhookFixture {
        var organization = ContractFixtures.organization(slug)
        organization.tier = .professional
        organization = try await store.organizations.create(organization)
        let time = SystemTimeSource()
        let logger = Logger(label: "webhook-tests") { _ in SwiftLogNoOpLogHandler() }
        let service = WebhookService(
            webhooks: store.webhooks, time: time, ids: UUIDv7Source(), gate: UsageGate(time: time, observer: IgnoredUsage()),
            allowPrivateTargets: true,
            audit: AuditTrail(
                queue: AuditQueue(repository: store.audit, key: HMACAuditChainKey(secret: "webhook-tests"), logger: logger), time: time,
                ids: UUIDv7Source()),
            logger: logger)
        return WebhookFixture(store: store, organization: organization, service: service, logger: logger)
    }

    var scope: TenantScope { TenantScope(self.organization) }

    /// A dispatcher over the same store and wake signal; tests start it with ``start()`` and stop it themselves.
    func dispatcher(
        schedule: WebhookRetrySchedule = .standard,
        concurrency: Int = 8,
        resolver: any WebhookAddressResolver = SystemWebhookAddressResolver(),
        allowPrivateTargets: Bool = true,
        time: any TimeSource = SystemTimeSource()
    ) -> WebhookDispatcher {
        WebhookDispatcher(
            webhooks: self.store.webhooks,
            wake: self.service.wake,
            configuration: .init(
                allowPrivateTargets: allowPrivateTargets, schedule: schedule, pollInterval: .milliseconds(50), concurrency: concurrency,
                lease: 120, requestTimeout: .seconds(60)),
            resolver: resolver,
            time: time,
            logger: self.logger
        )
    }

    func deliveries(of webhook: WebhookID) async throws -> [WebhookDelivery] {
        try await self.service.deliveries(in: self.scope, webhookID: webhook, page: PageRequest(limit: 100)).items
    }
}

/// A running dispatcher: ``stop()`` is its graceful shutdown, and returns once the sends in flight are recorded.
struct RunningDispatcher: Sendable {
    let dispatcher: WebhookDispatcher
    let task: Task<Void, any Error>

    init(_ dispatcher: WebhookDispatcher) {
        self.dispatcher = dispatcher
        self.task = Task { try await dispatcher.run() }
    }

    func stop() async throws {
        self.dispatcher.stop()
        try await self.task.value
    }
}

/// The system clock moved ahead: a dispatcher started later than the test can wait for.
struct ShiftedTimeSource: TimeSource {
    var seconds: TimeInterval

    func now() -> Date { SystemTimeSource().now().addingTimeInterval(self.seconds) }
}

/// Resolves every name to fixed addresses: DNS that answers what the test wants (rebinding).
struct FixedResolver: WebhookAddressResolver {
    var addresses: [IPAddress]

    func addresses(of host: String, port: Int) async throws -> [IPAddress] { self.addresses }
}

/// The receiver's side of the signature, computed independently of the server's code.
enum ReceiverSignature {
    /// `(t, v1)` from `t=…,v1=…`.
    static func parse(_ header: String) -> (timestamp: Int, signature: String)? {
        var timestamp: Int?
        var signature: String?
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { return nil }
            if pair[0] == "t" { timestamp = Int(pair[1]) } else if pair[0] == "v1" { signature = pair[1] }
        }
        guard let timestamp, let signature else { return nil }
        return (timestamp, signature)
    }

    static func expected(secret: String, timestamp: Int, body: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `header` signs `body` with `secret`, at most a minute ago.
    static func isValid(_ header: String?, body: String, secret: String) -> Bool {
        guard let header, let (timestamp, signature) = self.parse(header) else { return false }
        return signature == self.expected(secret: secret, timestamp: timestamp, body: body)
            && abs(Date().timeIntervalSince1970 - Double(timestamp)) < 60
    }
}

/// A switch a receiver reads on every request: up or down, held or released.
final class Switch: Sendable {
    private let value: Mutex<Bool>

    init(_ value: Bool) {
        self.value = Mutex(value)
    }

    var isOn: Bool { self.value.withLock { $0 } }

    func set(_ value: Bool) { self.value.withLock { $0 = value } }

    /// Waits until the switch is on.
    func waitUntilOn() async {
        while !self.isOn { try? await Task.sleep(for: .milliseconds(10)) }
    }
}
