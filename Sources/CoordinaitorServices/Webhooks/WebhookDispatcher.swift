import AsyncHTTPClient
import CoordinaitorDomain
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// Sends queued webhook deliveries: a service that runs next to the server.
///
/// Every `pollInterval`, and at once when ``WebhookService/publish(_:in:data:)`` signals, it claims due deliveries
/// (leased in storage, so several nodes never send the same one at the same time), sends up to `concurrency` at once,
/// and records every attempt: 2xx delivers, anything else is retried on the schedule until it gives up.
///
/// Graceful shutdown stops claiming, lets the sends in flight finish and records them; whatever is left stays pending
/// in the database for the next start. If the process dies instead, its claimed deliveries are sent again when their
/// lease ends: delivery is at least once, and receivers tell repeats apart by `Webhook-Id`.
package final class WebhookDispatcher: Service, Sendable {
    package struct Configuration: Sendable {
        /// `WEBHOOK_ALLOW_PRIVATE_TARGETS`: also send to loopback and private addresses (development and tests).
        package var allowPrivateTargets: Bool
        package var schedule: WebhookRetrySchedule
        package var pollInterval: Duration
        package var concurrency: Int
        /// How long a claim holds a delivery: well above the request timeout, so a live dispatcher always records first.
        package var lease: TimeInterval
        package var requestTimeout: Duration

        package init(
            allowPrivateTargets: Bool = false,
            schedule: WebhookRetrySchedule = .standard,
            pollInterval: Duration = .seconds(1),
            concurrency: Int = 8,
            lease: TimeInterval = 60,
            requestTimeout: Duration = .seconds(10)
        ) {
            self.allowPrivateTargets = allowPrivateTargets
            self.schedule = schedule
            self.pollInterval = pollInterval
            self.concurrency = max(concurrency, 1)
            self.lease = lease
            self.requestTimeout = requestTimeout
        }
    }

    private let webhooks: any WebhookRepository
    private let wake: WakeSignal
    private let configuration: Configuration
    private let resolver: any WebhookAddressResolver
    private let time: any TimeSource
    private let logger: Logger
    private let readiness: StoreReadiness
    private let stopping = Atomic<Bool>(false)
    private let inFlight = Atomic<Int>(0)

    package init(
        webhooks: any WebhookRepository,
        wake: WakeSignal,
        configuration: Configuration = Configuration(),
        resolver: any WebhookAddressResolver = SystemWebhookAddressResolver(),
        time: any TimeSource = SystemTimeSource(),
        readiness: StoreReadiness = StoreReadiness(isReady: true),
        logger: Logger
    ) {
        self.readiness = readiness
        self.webhooks = webhooks
        self.wake = wake
        self.configuration = configuration
        self.resolver = resolver
        self.time = time
        self.logger = logger.scoped(.webhookDispatch)
    }

    package func run() async throws {
        // Redirects are never followed: a 3xx is a failed attempt, not a way to reach a target that was not checked.
        let clientConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(5), read: TimeAmount(self.configuration.requestTimeout))
        )
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let sender = WebhookSender(
            client: client,
            resolver: self.resolver,
            allowPrivateTargets: self.configuration.allowPrivateTargets,
            timeout: self.configuration.requestTimeout,
            time: self.time
        )
        await withGracefulShutdownHandler {
            await self.dispatch(with: sender)
        } onGracefulShutdown: {
            self.stop()
        }
        try? await client.shutdown()
    }

    /// Stops claiming; ``run()`` returns once the sends in flight are recorded. What graceful shutdown does.
    package func stop() {
        self.stopping.store(true, ordering: .sequentiallyConsistent)
        self.wake.signal()
    }

    private var shouldStop: Bool { self.stopping.load(ordering: .sequentiallyConsistent) || Task.isCancelled }

    private func dispatch(with sender: WebhookSender) async {
        // On a fresh database the tables appear only once the server's start-up has migrated it.
        await self.readiness.wait(unless: { self.shouldStop })
        // A discarding group: finished sends leave no results behind, and leaving the closure waits for the rest.
        await withDiscardingTaskGroup { group in
            while !self.shouldStop {
                let free = self.configuration.concurrency - self.inFlight.load(ordering: .sequentiallyConsistent)
                if free > 0 {
                    let claimed = await self.claim(limit: free)
                    for delivery in claimed {
                        self.inFlight.add(1, ordering: .sequentiallyConsistent)
                        group.addTask {
                            await self.deliver(delivery, with: sender)
                            self.inFlight.subtract(1, ordering: .sequentiallyConsistent)
                            self.wake.signal()
                        }
                    }
                    // Every free slot was filled: more may be due, as soon as a slot frees up.
                    if !claimed.isEmpty && claimed.count == free { continue }
                }
                if self.shouldStop { break }
                await self.wake.wait(upTo: self.configuration.pollInterval)
            }
        }
    }

    private func claim(limit: Int) async -> [ClaimedWebhookDelivery] {
        let now = self.time.now()
        do {
            return try await self.webhooks.claimDue(now: now, leaseUntil: now.addingTimeInterval(self.configuration.lease), limit: limit)
        } catch {
            self.logger.warning("Could not claim webhook deliveries; trying again", metadata: ["error": "\(String(reflecting: error))"])
            return []
        }
    }

    private func deliver(_ claimed: ClaimedWebhookDelivery, with sender: WebhookSender) async {
        let outcome =
            claimed.webhook.active
            ? await sender.send(claimed)
            : WebhookAttemptOutcome(statusCode: nil, error: "The webhook is disabled.", isFinal: true)
        // Cancelled (not a graceful stop): the attempt did not really happen; the lease hands it to the next run.
        guard !Task.isCancelled else { return }
        let attempted = claimed.delivery.recording(outcome, at: self.time.now(), schedule: self.configuration.schedule)
        var metadata: Logger.Metadata = [
            "webhook.id": "\(claimed.webhook.id)", "webhook.delivery.id": "\(attempted.id)", "organization.id": "\(attempted.organizationID)",
            "webhook.delivery.status": "\(attempted.status.rawValue)", "webhook.delivery.attempts": "\(attempted.attempts)",
        ]
        if let error = attempted.lastError { metadata["error"] = "\(error)" }
        do {
            let recorded = try await self.webhooks.recordAttempt(in: TenantScope(organizationID: attempted.organizationID), attempted)
            if !recorded { self.logger.info("Webhook delivery changed meanwhile; attempt not recorded", metadata: metadata) }
        } catch {
            metadata["record.error"] = "\(String(reflecting: error))"
            self.logger.warning("Could not record a webhook attempt; it will be retried when its lease ends", metadata: metadata)
            return
        }
        switch attempted.status {
        case .delivered: self.logger.debug("Webhook delivered", metadata: metadata)
        case .pending: self.logger.info("Webhook delivery failed; will retry", metadata: metadata)
        case .failed: self.logger.warning("Webhook delivery failed for good", metadata: metadata)
        }
    }
}
