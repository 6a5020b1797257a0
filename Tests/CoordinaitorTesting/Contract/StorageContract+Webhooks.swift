import CoordinaitorDomain
import Foundation
import Testing

extension StorageContract {
    static func webhookLifecycle(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        var created: [Webhook] = []
        for index in 0..<5 {
            var webhook = ContractFixtures.webhook(index == 0 ? "" : "hook-\(index)", in: acme, events: index.isMultiple(of: 2) ? [.taskCreated] : Set(WebhookEventType.allCases))
            webhook.active = index != 3
            created.append(try await store.webhooks.create(in: scope, webhook, limits: ContractLimits.unlimited))
            #expect(try await store.webhooks.find(in: scope, id: webhook.id) == webhook)
        }
        #expect(try await store.used(.webhooks, in: scope) == 5)
        let newestFirst = created.sorted { $0.id > $1.id }
        for limit in [1, 2, 5, 100] {
            #expect(try await collectPages(limit: limit) { try await store.webhooks.list(in: scope, page: $0) } == newestFirst, "limit \(limit)")
        }

        // Deleting removes the webhook with its deliveries and frees its slot; a second delete finds nothing.
        let doomed = created[1]
        let queued = try await store.webhooks.enqueue(in: scope, for: .taskFailed, ContractFixtures.deliveries(of: .taskFailed, in: acme, at: TestDates.at(100)))
        #expect(queued.map(\.webhookID).contains(doomed.id))
        try await store.webhooks.delete(in: scope, id: doomed.id, limits: ContractLimits.unlimited)
        #expect(try await store.webhooks.find(in: scope, id: doomed.id) == nil)
        #expect(try await store.webhooks.deliveries(in: scope, webhookID: doomed.id, page: PageRequest()).items.isEmpty)
        #expect(try await store.used(.webhooks, in: scope) == 4)
        #expect(try await store.usage.recount(in: scope)[.webhooks] == 4)
        await expectResourceError(.notFound, "webhook") {
            try await store.webhooks.delete(in: scope, id: doomed.id, limits: ContractLimits.unlimited)
        }
        #expect(try await store.used(.webhooks, in: scope) == 4)
    }

    /// Events of an organization without webhooks go nowhere (a store may remember that); its first webhook, created
    /// afterwards, receives the very next event, and another organization's webhook changes nothing for it.
    static func aFirstWebhookReceivesTheNextEvent(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let globex = try await store.organizations.create(ContractFixtures.organization("globex"))
        for _ in 0..<3 {
            #expect(try await store.webhooks.enqueue(in: TenantScope(acme), for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: acme, at: TestDates.at(90))).isEmpty)
            #expect(try await store.webhooks.enqueue(in: TenantScope(globex), for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: globex, at: TestDates.at(90))).isEmpty)
        }
        let hook = try await store.webhooks.create(in: TenantScope(acme), ContractFixtures.webhook("first", in: acme), limits: ContractLimits.unlimited)
        let queued = try await store.webhooks.enqueue(in: TenantScope(acme), for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: acme, at: TestDates.at(91)))
        #expect(queued.map(\.webhookID) == [hook.id])
        #expect(try await store.webhooks.enqueue(in: TenantScope(globex), for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: globex, at: TestDates.at(91))).isEmpty)
    }

    static func webhooksAreIsolatedByScope(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let globex = try await store.organizations.create(ContractFixtures.organization("globex"))
        let (acmeScope, foreign) = (TenantScope(acme), TenantScope(globex))
        let webhook = try await store.webhooks.create(in: acmeScope, ContractFixtures.webhook("a", in: acme), limits: ContractLimits.unlimited)
        let queued = try await store.webhooks.enqueue(in: acmeScope, for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: acme, at: TestDates.at(100)))
        #expect(queued.count == 1)

        #expect(try await store.webhooks.find(in: foreign, id: webhook.id) == nil)
        #expect(try await store.webhooks.list(in: foreign, page: PageRequest()).items.isEmpty)
        #expect(try await store.webhooks.deliveries(in: foreign, webhookID: webhook.id, page: PageRequest()).items.isEmpty)
        await expectResourceError(.notFound, "webhook") {
            try await store.webhooks.delete(in: foreign, id: webhook.id, limits: ContractLimits.unlimited)
        }
        await #expect(throws: ScopeMismatchError.self) {
            _ = try await store.webhooks.create(in: foreign, ContractFixtures.webhook("sneaky", in: acme), limits: ContractLimits.unlimited)
        }
        // An event of globex reaches none of acme's webhooks, and a builder cannot smuggle a delivery to one.
        #expect(try await store.webhooks.enqueue(in: foreign, for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: globex, at: TestDates.at(100))).isEmpty)
        let own = try await store.webhooks.create(in: foreign, ContractFixtures.webhook("g", in: globex), limits: ContractLimits.unlimited)
        await #expect(throws: ScopeMismatchError.self) {
            _ = try await store.webhooks.enqueue(in: foreign, for: .taskCreated) { webhooks in
                ContractFixtures.deliveries(of: .taskCreated, in: acme, at: TestDates.at(100))(webhooks.map { _ in webhook })
            }
        }
        #expect(try await store.webhooks.deliveries(in: foreign, webhookID: own.id, page: PageRequest()).items.isEmpty)
        // Recording an attempt needs the delivery's own scope.
        let attempted = try #require(queued.first).recording(.answered(200, body: ""), at: TestDates.at(200), schedule: .standard)
        await #expect(throws: ScopeMismatchError.self) { _ = try await store.webhooks.recordAttempt(in: foreign, attempted) }

        // Nothing of acme changed.
        #expect(try await store.webhooks.find(in: acmeScope, id: webhook.id) == webhook)
        #expect(try await store.webhooks.deliveries(in: acmeScope, webhookID: webhook.id, page: PageRequest()).items == queued)
        #expect(try await store.used(.webhooks, in: acmeScope) == 1)
    }

    static func webhookLimitIsExact(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let limits = ContractLimits.limited([.webhooks: 3])
        var created: [Webhook] = []
        for index in 0..<3 { created.append(try await store.webhooks.create(in: scope, ContractFixtures.webhook("\(index)", in: acme), limits: limits)) }
        let refused = ContractFixtures.webhook("fourth", in: acme)
        await expectLimitReached(.webhooks, used: 3, maximum: 3, requested: 1) {
            _ = try await store.webhooks.create(in: scope, refused, limits: limits)
        }
        #expect(try await store.webhooks.find(in: scope, id: refused.id) == nil)
        #expect(try await store.used(.webhooks, in: scope) == 3)

        // A zero limit (the free and starter tiers) refuses the first one.
        let other = try await store.organizations.create(ContractFixtures.organization("other"))
        await expectLimitReached(.webhooks, used: 0, maximum: 0) {
            _ = try await store.webhooks.create(in: TenantScope(other), ContractFixtures.webhook("x", in: other), limits: ContractLimits.limited([.webhooks: 0]))
        }

        try await store.webhooks.delete(in: scope, id: created[0].id, limits: limits)
        _ = try await store.webhooks.create(in: scope, refused, limits: limits)
        #expect(try await store.used(.webhooks, in: scope) == 3)
        #expect(try await store.usage.recount(in: scope)[.webhooks] == 3)
    }

    static func concurrentWebhookCreatesStopAtTheLimit(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let limits = ContractLimits.limited([.webhooks: 7])
        for index in 0..<2 { _ = try await store.webhooks.create(in: scope, ContractFixtures.webhook("seed-\(index)", in: acme), limits: limits) }

        let outcome = await race(50) { index in
            _ = try await store.webhooks.create(in: scope, ContractFixtures.webhook("race-\(index)", in: acme), limits: limits)
        }

        outcome.expect(successes: 5, refusals: 45, maximum: 7, metric: .webhooks)
        #expect(try await store.webhooks.list(in: scope, page: PageRequest(limit: 100)).items.count == 7)
        #expect(try await store.used(.webhooks, in: scope) == 7)
        #expect(try await store.usage.recount(in: scope)[.webhooks] == 7)
    }

    static func enqueueReachesOnlySubscribedActiveWebhooks(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let globex = try await store.organizations.create(ContractFixtures.organization("globex"))
        let scope = TenantScope(acme)
        func make(_ name: String, _ events: Set<WebhookEventType>, active: Bool = true, in organization: Organization = acme) async throws -> Webhook {
            try await store.webhooks.create(
                in: TenantScope(organization), ContractFixtures.webhook(name, in: organization, events: events, active: active), limits: ContractLimits.unlimited)
        }
        let created = try await make("created", [.taskCreated])
        let both = try await make("both", [.taskCreated, .taskFailed])
        let inactive = try await make("inactive", [.taskCreated], active: false)
        let members = try await make("members", [.memberAdded])
        let foreign = try await make("foreign", [.taskCreated], in: globex)

        let time = TestDates.at(1_000)
        let queued = try await store.webhooks.enqueue(in: scope, for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: acme, at: time))
        #expect(Set(queued.map(\.webhookID)) == [created.id, both.id])
        #expect(Set(queued.map(\.eventID)).count == 1)
        #expect(queued.allSatisfy { $0.status == .pending && $0.attempts == 0 && $0.nextAttemptAt == time && $0.eventType == .taskCreated })
        #expect(try await store.webhooks.enqueue(in: scope, for: .taskFailed, ContractFixtures.deliveries(of: .taskFailed, in: acme, at: time)).map(\.webhookID) == [both.id])
        #expect(try await store.webhooks.enqueue(in: scope, for: .limitExceeded) { _ in
            Issue.record("Nothing subscribes: the builder is not called")
            return []
        }.isEmpty)

        for (webhook, expected) in [(created, 1), (both, 2), (inactive, 0), (members, 0)] {
            #expect(try await store.webhooks.deliveries(in: scope, webhookID: webhook.id, page: PageRequest()).items.count == expected)
        }
        #expect(try await store.webhooks.deliveries(in: TenantScope(globex), webhookID: foreign.id, page: PageRequest()).items.isEmpty)

        // Deliveries of one webhook, newest first, in pages; every field as written.
        var many: [WebhookDelivery] = []
        for index in 0..<7 {
            many += try await store.webhooks.enqueue(
                in: scope, for: .memberAdded, ContractFixtures.deliveries(of: .memberAdded, in: acme, at: TestDates.at(2_000 + Int64(index))))
        }
        for limit in [1, 3, 100] {
            let listed = try await collectPages(limit: limit) { try await store.webhooks.deliveries(in: scope, webhookID: members.id, page: $0) }
            #expect(listed == many.sorted { $0.id > $1.id }, "limit \(limit)")
        }
        await #expect(throws: ValidationError.self) {
            _ = try await store.webhooks.deliveries(in: scope, webhookID: members.id, page: PageRequest(after: "nope"))
        }
    }

    static func claimDueLeasesEachDeliveryOnce(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let globex = try await store.organizations.create(ContractFixtures.organization("globex"))
        var all: Set<WebhookDeliveryID> = []
        for organization in [acme, globex] {
            let scope = TenantScope(organization)
            _ = try await store.webhooks.create(in: scope, ContractFixtures.webhook("one", in: organization), limits: ContractLimits.unlimited)
            _ = try await store.webhooks.create(in: scope, ContractFixtures.webhook("two", in: organization), limits: ContractLimits.unlimited)
            for index in 0..<10 {
                let queued = try await store.webhooks.enqueue(
                    in: scope, for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: organization, at: TestDates.at(Int64(index))))
                all.formUnion(queued.map(\.id))
            }
        }
        #expect(all.count == 40)
        // Not yet due: never claimed early.
        let later = try await store.webhooks.enqueue(
            in: TenantScope(acme), for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: acme, at: TestDates.at(50_000)))

        let now = TestDates.at(1_000)
        let lease = TestDates.at(61_000)
        let first = try await store.webhooks.claimDue(now: now, leaseUntil: lease, limit: 5)
        #expect(first.count == 5)
        #expect(first.allSatisfy { $0.delivery.nextAttemptAt == lease && $0.webhook.id == $0.delivery.webhookID })
        #expect(first.allSatisfy { $0.webhook.organizationID == $0.delivery.organizationID })
        // Earliest due first.
        #expect(first.allSatisfy { $0.delivery.createdAt <= TestDates.at(2) })

        // Twenty concurrent claims of three share the other 35 without overlap.
        let results = await withTaskGroup(of: [WebhookDeliveryID].self) { group in
            for _ in 0..<20 {
                group.addTask { (try? await store.webhooks.claimDue(now: now, leaseUntil: lease, limit: 3).map(\.delivery.id)) ?? [] }
            }
            return await group.reduce(into: [[WebhookDeliveryID]]()) { $0.append($1) }
        }
        let claimed = results.flatMap { $0 } + first.map(\.delivery.id)
        #expect(claimed.count == 40)
        #expect(Set(claimed) == all)
        #expect(try await store.webhooks.claimDue(now: now, leaseUntil: lease, limit: 100).isEmpty)

        // When the lease runs out, what was not recorded is due again (a dispatcher died mid-send); a recorded
        // delivery is not.
        let recorded = try #require(first.first).delivery.recording(.answered(204, body: ""), at: TestDates.at(2_000), schedule: .standard)
        #expect(try await store.webhooks.recordAttempt(in: TenantScope(organizationID: recorded.organizationID), recorded))
        let again = try await store.webhooks.claimDue(now: TestDates.at(61_000), leaseUntil: TestDates.at(121_000), limit: 100)
        #expect(Set(again.map(\.delivery.id)) == all.subtracting([recorded.id]).union(later.map(\.id)))
    }

    static func attemptsAreRecordedOnceAndRoundTrip(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let webhook = try await store.webhooks.create(in: scope, ContractFixtures.webhook("a", in: acme), limits: ContractLimits.unlimited)
        _ = try await store.webhooks.enqueue(in: scope, for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: acme, at: TestDates.at(0)))
        let schedule = WebhookRetrySchedule(maximumAttempts: 2, initialDelay: 10, multiplier: 3, maximumDelay: 60)

        let claim = try #require(try await store.webhooks.claimDue(now: TestDates.at(1), leaseUntil: TestDates.at(60_000), limit: 10).first)
        let failed = claim.delivery.recording(.answered(503, body: "busy — réessayez"), at: TestDates.at(500), schedule: schedule)
        #expect(try await store.webhooks.recordAttempt(in: scope, failed))
        // The same attempt cannot be recorded twice (a second dispatcher, or a retry of the write).
        #expect(try await !store.webhooks.recordAttempt(in: scope, failed))
        #expect(try await store.webhooks.deliveries(in: scope, webhookID: webhook.id, page: PageRequest()).items == [failed])
        #expect(failed.nextAttemptAt == TestDates.at(10_500))

        // Due again at its retry time; the last attempt of the schedule fails it for good.
        #expect(try await store.webhooks.claimDue(now: TestDates.at(10_499), leaseUntil: TestDates.at(70_000), limit: 10).isEmpty)
        let retry = try #require(try await store.webhooks.claimDue(now: TestDates.at(10_500), leaseUntil: TestDates.at(70_000), limit: 10).first)
        #expect(retry.delivery.attempts == 1)
        let gaveUp = retry.delivery.recording(.unreachable("connection refused"), at: TestDates.at(11_000), schedule: schedule)
        #expect(gaveUp.status == .failed)
        #expect(try await store.webhooks.recordAttempt(in: scope, gaveUp))
        #expect(try await store.webhooks.deliveries(in: scope, webhookID: webhook.id, page: PageRequest()).items == [gaveUp])
        #expect(try await store.webhooks.claimDue(now: TestDates.at(999_999), leaseUntil: TestDates.at(9_999_999), limit: 10).isEmpty)

        // A delivered one keeps its status code and time.
        _ = try await store.webhooks.enqueue(in: scope, for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: acme, at: TestDates.at(20_000)))
        let next = try #require(try await store.webhooks.claimDue(now: TestDates.at(20_000), leaseUntil: TestDates.at(80_000), limit: 10).first)
        let delivered = next.delivery.recording(.answered(201, body: "ignored"), at: TestDates.at(20_123), schedule: schedule)
        #expect(try await store.webhooks.recordAttempt(in: scope, delivered))
        let stored = try await store.webhooks.deliveries(in: scope, webhookID: webhook.id, page: PageRequest()).items
        #expect(stored.first == delivered)
        #expect(delivered.deliveredAt == TestDates.at(20_123) && delivered.lastStatusCode == 201 && delivered.lastError == nil)

        // Once the webhook is deleted, a late recording writes nothing.
        _ = try await store.webhooks.enqueue(in: scope, for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: acme, at: TestDates.at(30_000)))
        let orphan = try #require(try await store.webhooks.claimDue(now: TestDates.at(30_000), leaseUntil: TestDates.at(90_000), limit: 10).first)
        try await store.webhooks.delete(in: scope, id: webhook.id, limits: ContractLimits.unlimited)
        #expect(try await !store.webhooks.recordAttempt(in: scope, orphan.delivery.recording(.answered(200, body: ""), at: TestDates.at(30_001), schedule: schedule)))
    }

    static func purgeRemovesWebhooksAndDeliveries(_ store: any DataStore) async throws {
        var scopes: [TenantScope] = []
        var webhooks: [Webhook] = []
        for slug in ["doomed", "survivor"] {
            let organization = try await store.organizations.create(ContractFixtures.organization(slug))
            let scope = TenantScope(organization)
            webhooks.append(try await store.webhooks.create(in: scope, ContractFixtures.webhook(slug, in: organization), limits: ContractLimits.unlimited))
            _ = try await store.webhooks.enqueue(in: scope, for: .taskCreated, ContractFixtures.deliveries(of: .taskCreated, in: organization, at: TestDates.at(0)))
            scopes.append(scope)
        }
        try await store.organizations.purge(scopes[0].organizationID)

        #expect(try await store.webhooks.list(in: scopes[0], page: PageRequest()).items.isEmpty)
        #expect(try await store.webhooks.deliveries(in: scopes[0], webhookID: webhooks[0].id, page: PageRequest()).items.isEmpty)
        #expect(try await store.webhooks.list(in: scopes[1], page: PageRequest()).items == [webhooks[1]])
        let due = try await store.webhooks.claimDue(now: TestDates.at(1), leaseUntil: TestDates.at(60_000), limit: 10)
        #expect(due.map(\.delivery.organizationID) == [scopes[1].organizationID])
    }
}
