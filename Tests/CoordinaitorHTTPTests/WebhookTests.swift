import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Webhooks")
struct WebhookTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]
    static let privateTargets = ["MULTI_TENANT_ENABLED": "true", "WEBHOOK_ALLOW_PRIVATE_TARGETS": "true"]
    static let valid = #"{"url":"https://hooks.example.com/coordinaitor","events":["task.created","task.failed"],"description":"CI"}"#

    // MARK: Plans and limits

    @Test(arguments: [Tier.free, .starter])
    func tiersBelowProfessionalCannotCreateWebhooks(tier: Tier) async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: tier)
            let root = try await TwoTenants.member(components, of: nil, role: .owner, email: "root@coordinaitor.test", isSuperAdmin: true)
            return (data, root.token)
        }) { client, _, seeded in
            let (data, rootToken) = seeded
            let refused = try await client.send(.post, "/api/webhooks", host: "acme.localhost", token: data.acme.token, json: Self.valid)
            #expect(refused.status == .forbidden)
            #expect(refused.problemCode == "feature_not_available")
            #expect(try refused.json["requiredTier"]?.string == "professional")
            // The plan is what the client learns first, whatever it sent.
            let invalid = try await client.send(.post, "/api/webhooks", host: "acme.localhost", token: data.acme.token, json: #"{"url":"ftp://x"}"#)
            #expect(invalid.problemCode == "feature_not_available")
            // Reading works on every tier (an organization that moved down can still see and delete its webhooks).
            let list = try await client.send(.get, "/api/webhooks", host: "acme.localhost", token: data.acme.token)
            #expect(list.status == .ok)
            #expect(try list.json["webhooks"]?.array.isEmpty == true)

            // A super admin moves acme to professional: creation works on the next request.
            let upgrade = try await client.send(
                .put, "/api/organizations/\(data.acme.organization.id)/tier", token: rootToken, json: #"{"tier":"professional"}"#)
            #expect(upgrade.status == .ok)
            let created = try await client.send(.post, "/api/webhooks", host: "acme.localhost", token: data.acme.token, json: Self.valid)
            #expect(created.status == .created)
        }
    }

    @Test(arguments: TestBackend.allCases)
    func professionalAllowsFifteenWebhooksAndDeletingFreesASlot(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: TwoTenants.seed) { client, services, data in
            let acme = data.acme
            var ids: [String] = []
            for index in 1...15 {
                let body = #"{"url":"https://hooks.example.com/\#(index)","events":["task.created"]}"#
                let response = try await client.send(.post, "/api/webhooks", host: "acme.localhost", token: acme.token, json: body)
                #expect(response.status == .created, "webhook \(index)")
                ids.append(try response.json["webhook"]?["id"]?.string ?? "")
            }
            let sixteenth = try await client.send(.post, "/api/webhooks", host: "acme.localhost", token: acme.token, json: Self.valid)
            #expect(sixteenth.status == .forbidden)
            #expect(sixteenth.problemCode == "limit_exceeded")
            #expect(try sixteenth.json["limit"]?.string == "webhooks")
            #expect(try sixteenth.json["used"] == .number(15))
            #expect(try sixteenth.json["maximum"] == .number(15))
            #expect(try sixteenth.json["upgradeTier"]?.string == "enterprise")
            let listed = try await client.send(.get, "/api/webhooks?limit=100", host: "acme.localhost", token: acme.token)
            #expect(try listed.json["webhooks"]?.array.count == 15)
            #expect(try await services.store.usage.recount(in: TenantScope(acme.organization))[.webhooks] == 15)

            // globex's allowance is its own.
            let globex = try await client.send(.post, "/api/webhooks", host: "globex.localhost", token: data.globex.token, json: Self.valid)
            #expect(globex.status == .created)

            #expect(try await client.send(.delete, "/api/webhooks/\(ids[0])", host: "acme.localhost", token: acme.token).status == .noContent)
            #expect(try await client.send(.post, "/api/webhooks", host: "acme.localhost", token: acme.token, json: Self.valid).status == .created)
            let again = try await client.send(.post, "/api/webhooks", host: "acme.localhost", token: acme.token, json: Self.valid)
            #expect(again.problemCode == "limit_exceeded")
        }
    }

    // MARK: Validation and roles

    @Test func badRequestsAreRefusedNamingTheField() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            let token = data.acme.token
            func post(_ json: String) async throws -> TestResponse {
                try await client.send(.post, "/api/webhooks", host: "acme.localhost", token: token, json: json)
            }
            let unknownEvent = try await post(#"{"url":"https://hooks.example.com/x","events":["task.created","task.exploded"]}"#)
            #expect(unknownEvent.status == .unprocessableContent)
            #expect(unknownEvent.problemCode == "validation_failed")
            #expect(try unknownEvent.json["field"]?.string == "events")
            #expect(try unknownEvent.json["detail"]?.string?.contains("task.exploded") == true)
            for url in [
                "http://127.0.0.1:9/x", "http://localhost/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://10.0.0.5/",
                "http://192.168.1.1/", "http://[fd00::1]/", "http://0.0.0.0/", "http://127.1/", "ftp://hooks.example.com/",
                "https://user:pass@hooks.example.com/", "hooks.example.com/x", "https://hooks.example.com/" + String(repeating: "a", count: 2040),
            ] {
                let refused = try await post(#"{"url":"\#(url)","events":["task.created"]}"#)
                #expect(refused.status == .unprocessableContent, "\(url)")
                #expect(try refused.json["field"]?.string == "url", "\(url)")
            }
            #expect(try await post(#"{"url":"https://hooks.example.com/x","events":[]}"#).json["field"]?.string == "events")
            #expect(try await post(#"{"events":["task.created"]}"#).json["field"]?.string == "url")
            #expect(try await post(#"{"url":"https://hooks.example.com/x","events":["task.created"],"secret":"mine"}"#).json["field"]?.string == "secret")
            #expect(try await post(#"{"url":"https://hooks.example.com/x","events":"task.created"}"#).json["field"]?.string == "events")

            // The secret is shown once, at creation.
            let created = try await post(Self.valid)
            #expect(created.status == .created)
            let secret = try #require(try created.json["secret"]?.string)
            #expect(secret.hasPrefix("whsec_") && secret.count == 70)
            let id = try #require(try created.json["webhook"]?["id"]?.string)
            #expect(try created.json["webhook"]?["events"] == .array([.string("task.created"), .string("task.failed")]))
            #expect(try created.json["webhook"]?["secret"] == nil)
            for path in ["/api/webhooks", "/api/webhooks/\(id)", "/api/webhooks/\(id)/deliveries"] {
                let read = try await client.send(.get, path, host: "acme.localhost", token: token)
                #expect(read.status == .ok, "\(path)")
                #expect(!read.text.contains(secret), "\(path)")
            }
        }
    }

    @Test func onlyOwnersAndAdminsManageWebhooks() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            var tokens: [Role: String] = [:]
            for role in [Role.admin, .member, .viewer, .billing] {
                tokens[role] = try await TwoTenants.member(components, of: data.acme, role: role, email: "\(role.rawValue)@acme.test").token
            }
            return (data, tokens)
        }) { client, _, seeded in
            let (data, tokens) = seeded
            let adminToken: String = try #require(tokens[.admin])
            let created = try await client.send(.post, "/api/webhooks", host: "acme.localhost", token: adminToken, json: Self.valid)
            #expect(created.status == .created)
            let id = try #require(try created.json["webhook"]?["id"]?.string)
            for role in [Role.member, .viewer, .billing] {
                let token = try #require(tokens[role])
                for (method, path) in [(HTTPRequest.Method.get, "/api/webhooks"), (.get, "/api/webhooks/\(id)"), (.delete, "/api/webhooks/\(id)")] {
                    let response = try await client.send(method, path, host: "acme.localhost", token: token)
                    #expect(response.problemCode == "permission_denied", "\(role) \(method) \(path)")
                }
                #expect(try await client.send(.post, "/api/webhooks", host: "acme.localhost", token: token, json: Self.valid).problemCode == "permission_denied")
            }
            #expect(try await client.send(.delete, "/api/webhooks/\(id)", host: "acme.localhost", token: data.acme.token).status == .noContent)
        }
    }

    // MARK: Isolation

    @Test(arguments: TestBackend.allCases)
    func anotherOrganizationsWebhookIsNotFound(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: TwoTenants.seed) { client, services, data in
            let created = try await client.send(.post, "/api/webhooks", host: "acme.localhost", token: data.acme.token, json: Self.valid)
            let id = try #require(try created.json["webhook"]?["id"]?.string)
            let secret = try #require(try created.json["secret"]?.string)
            let missing = "00000000-0000-7000-8000-000000000000"
            for suffix in ["", "/deliveries"] {
                let foreign = try await client.send(.get, "/api/webhooks/\(id)\(suffix)", host: "globex.localhost", token: data.globex.token)
                let absent = try await client.send(.get, "/api/webhooks/\(missing)\(suffix)", host: "globex.localhost", token: data.globex.token)
                #expect(foreign.status == .notFound)
                #expect(foreign.problemCode == "webhook_not_found")
                #expect(try foreign.json["detail"] == absent.json["detail"])
            }
            #expect(try await client.send(.delete, "/api/webhooks/\(id)", host: "globex.localhost", token: data.globex.token).status == .notFound)
            let globexList = try await client.send(.get, "/api/webhooks", host: "globex.localhost", token: data.globex.token)
            #expect(!globexList.text.contains(id) && !globexList.text.contains(secret))
            // globex's token on acme's host is not a member there.
            let crossing = try await client.send(.get, "/api/webhooks/\(id)", host: "acme.localhost", token: data.globex.token)
            #expect(crossing.problemCode == "cross_tenant_access_denied")
            // globex's events never reach acme's webhook.
            #expect(await services.webhooks.publish(.taskCreated, in: TenantScope(data.globex.organization), data: .object([:])).isEmpty)
            #expect(try await client.send(.get, "/api/webhooks/\(id)", host: "acme.localhost", token: data.acme.token).status == .ok)
        }
    }

    // MARK: Delivery

    /// The application's own dispatcher sends a published event to a real receiver, signed with the secret shown at
    /// creation; the delivery is listed as delivered.
    @Test(arguments: TestBackend.allCases)
    func publishedEventsReachARealReceiverSigned(backend: TestBackend) async throws {
        let receiver = try await WebhookReceiver.start()
        defer { Task { await receiver.stop() } }
        try await TestServer(environment: Self.privateTargets, backend: backend).run(seed: TwoTenants.seed) { client, services, data in
            let body = #"{"url":"\#(receiver.url("/in"))","events":["task.created","member.added"]}"#
            let created = try await client.send(.post, "/api/webhooks", host: "acme.localhost", token: data.acme.token, json: body)
            #expect(created.status == .created)
            let secret = try #require(try created.json["secret"]?.string)
            let id = try #require(try created.json["webhook"]?["id"]?.string)
            let scope = TenantScope(data.acme.organization)

            #expect(await services.webhooks.publish(.taskFailed, in: scope, data: .object([:])).isEmpty)
            let queued = await services.webhooks.publish(.taskCreated, in: scope, data: .object(["taskId": .string(data.acme.task.id.description)]))
            let delivery = try #require(queued.first)
            #expect(queued.count == 1)

            let request = try #require(try await receiver.waitFor(1).first)
            #expect(request.path == "/in")
            #expect(request.event == "task.created")
            #expect(request.deliveryID == delivery.id.description)
            #expect(request.contentType == "application/json")
            #expect(request.body == delivery.payload)
            #expect(ReceiverSignature.isValid(request.signature, body: request.body, secret: secret))
            #expect(!ReceiverSignature.isValid(request.signature, body: request.body, secret: secret + "0"))
            #expect(!ReceiverSignature.isValid(request.signature, body: request.body.replacingOccurrences(of: "task", with: "tusk"), secret: secret))
            #expect(WebhookSignature.verify(header: request.signature ?? "", body: request.body, secret: secret, now: Date()))
            let payload = try JSONDecoder().decode(JSONValue.self, from: Data(request.body.utf8))
            #expect(payload["type"]?.string == "task.created")
            #expect(payload["organizationId"]?.string == data.acme.organization.id.description)
            #expect(payload["id"]?.string == delivery.eventID.description)
            #expect(payload["data"]?["taskId"]?.string == data.acme.task.id.description)

            let path = "/api/webhooks/\(id)/deliveries"
            let delivered = try await eventually {
                try await client.send(.get, path, host: "acme.localhost", token: data.acme.token).json["deliveries"]?.array.first?["status"]?.string == "delivered"
            }
            #expect(delivered)
            let listed = try await client.send(.get, path, host: "acme.localhost", token: data.acme.token).json["deliveries"]?.array ?? []
            #expect(listed.count == 1)
            #expect(listed.first?["id"]?.string == delivery.id.description)
            #expect(listed.first?["attempts"] == .number(1))
            #expect(listed.first?["lastStatusCode"] == .number(204))
            #expect(listed.first?["deliveredAt"]?.string != nil)
            #expect(listed.first?["nextAttemptAt"] == nil)
            #expect(receiver.requests.count == 1)
        }
    }

    /// Without `WEBHOOK_ALLOW_PRIVATE_TARGETS`, a private target that got into storage anyway (registered while it was
    /// allowed) is refused at send time: nothing reaches it.
    @Test func privateTargetsAreRefusedAtSendTime() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { Task { await receiver.stop() } }
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, services, data in
            let scope = TenantScope(data.acme.organization)
            let webhook = Webhook(
                id: WebhookID(UUID()), organizationID: scope.organizationID, url: receiver.url("/private"), description: nil,
                events: [.taskCreated], secret: "whsec_test", active: true, createdAt: Date())
            _ = try await services.store.webhooks.create(in: scope, webhook, limits: .unlimited(in: UsagePeriod(containing: Date())))
            let queued = await services.webhooks.publish(.taskCreated, in: scope, data: .object([:]))
            #expect(queued.count == 1)
            let failed = try await eventually {
                try await services.webhooks.deliveries(in: scope, webhookID: webhook.id, page: PageRequest()).items.first?.status == .failed
            }
            #expect(failed)
            let stored = try await services.webhooks.deliveries(in: scope, webhookID: webhook.id, page: PageRequest()).items.first
            #expect(stored?.attempts == 1)
            #expect(stored?.lastError?.contains("not allowed") == true)
            #expect(receiver.requests.isEmpty)
        }
    }

    /// A name that resolves to a private address at send time (DNS rebinding) is refused; with private targets allowed,
    /// the send goes to the resolved address with the name in `Host`.
    @Test func namesAreCheckedByWhatTheyResolveTo() async throws {
        let receiver = try await WebhookReceiver.start()
        defer { Task { await receiver.stop() } }
        try await withWebhookStore(.sqlite) { store in
            let fixture = try await WebhookFixture.make(on: store)
            let url = "http://rebind.example.com:\(receiver.port)/rebind"
            let created = try await fixture.service.create(in: fixture.organization, NewWebhook(url: url, events: [.taskCreated]))
            let loopback = FixedResolver(addresses: [try #require(IPAddress("127.0.0.1"))])
            let mixed = FixedResolver(addresses: [try #require(IPAddress("93.184.215.14")), try #require(IPAddress("10.1.2.3"))])

            for resolver in [loopback, mixed] {
                // The standard schedule retries 10 s later: the test sees exactly the first refusal.
                let strict = RunningDispatcher(fixture.dispatcher(resolver: resolver, allowPrivateTargets: false))
                let queued = await fixture.service.publish(.taskCreated, in: fixture.scope, data: .object([:]))
                let id = try #require(queued.first?.id)
                let refused = try await eventually { try await fixture.deliveries(of: created.webhook.id).first { $0.id == id }?.attempts == 1 }
                try await strict.stop()
                #expect(refused)
                let stored = try await fixture.deliveries(of: created.webhook.id).first { $0.id == id }
                #expect(stored?.status == .pending)
                #expect(stored?.lastError?.contains("refused") == true, "\(stored?.lastError ?? "")")
            }
            #expect(receiver.requests.isEmpty)

            // Allowed, once their retries are due (a clock a minute ahead): the pending deliveries are sent to 127.0.0.1,
            // with the registered name as the host.
            let allowed = RunningDispatcher(fixture.dispatcher(resolver: loopback, time: ShiftedTimeSource(seconds: 60)))
            let requests = try await receiver.waitFor(2)
            try await allowed.stop()
            #expect(requests.allSatisfy { $0.host == "rebind.example.com:\(receiver.port)" && $0.path == "/rebind" })
            #expect(requests.allSatisfy { ReceiverSignature.isValid($0.signature, body: $0.body, secret: created.secret) })
        }
    }

    /// A receiver that fails twice is retried on the schedule and then delivered; one that always fails is given up
    /// after the schedule's last attempt, keeping at most 1 KiB of what it answered.
    @Test(arguments: TestBackend.allCases)
    func failuresAreRetriedOnTheScheduleUntilDeliveredOrGivenUp(backend: TestBackend) async throws {
        let receiver = try await WebhookReceiver.start { request in
            if request.path == "/flaky" && request.attempt <= 2 { return .init(status: .internalServerError, body: "not yet") }
            if request.path == "/dead" { return .init(status: .serviceUnavailable, body: String(repeating: "x", count: 5_000)) }
            return .init(status: .ok, body: "thanks")
        }
        defer { Task { await receiver.stop() } }
        try await withWebhookStore(backend) { store in
            let fixture = try await WebhookFixture.make(on: store)
            let flaky = try await fixture.service.create(in: fixture.organization, NewWebhook(url: receiver.url("/flaky"), events: [.taskCompleted]))
            let dead = try await fixture.service.create(in: fixture.organization, NewWebhook(url: receiver.url("/dead"), events: [.taskCompleted]))
            let schedule = WebhookRetrySchedule(maximumAttempts: 4, initialDelay: 0.2, multiplier: 2, maximumDelay: 0.5)
            let running = RunningDispatcher(fixture.dispatcher(schedule: schedule))

            let queued = await fixture.service.publish(.taskCompleted, in: fixture.scope, data: .object(["ok": .bool(true)]))
            #expect(queued.count == 2)
            let flakyRequests: [WebhookReceiver.Received]
            let deadRequests: [WebhookReceiver.Received]
            do {
                flakyRequests = try await receiver.waitFor(3) { $0.path == "/flaky" }
                deadRequests = try await receiver.waitFor(4) { $0.path == "/dead" }
            } catch {
                let stored = try await fixture.deliveries(of: flaky.webhook.id) + fixture.deliveries(of: dead.webhook.id)
                Issue.record("\(error); stored: \(stored.map { ($0.status, $0.attempts, $0.nextAttemptAt, $0.lastError ?? "") })")
                throw error
            }
            let settled = try await eventually {
                let statuses = try await [fixture.deliveries(of: flaky.webhook.id), fixture.deliveries(of: dead.webhook.id)].flatMap { $0 }.map(\.status)
                return statuses == [.delivered, .failed]
            }
            #expect(settled)
            // Given up: no fifth attempt.
            try await Task.sleep(for: .milliseconds(700))
            try await running.stop()
            #expect(receiver.requests.filter { $0.path == "/dead" }.count == 4)
            #expect(receiver.requests.filter { $0.path == "/flaky" }.count == 3)

            // Every attempt is the same delivery, body and event, signed anew; the waits follow the schedule.
            for requests in [flakyRequests, deadRequests] {
                #expect(Set(requests.map(\.deliveryID)).count == 1)
                #expect(Set(requests.map(\.body)).count == 1)
                #expect(requests.allSatisfy { $0.event == "task.completed" })
            }
            #expect(flakyRequests.allSatisfy { ReceiverSignature.isValid($0.signature, body: $0.body, secret: flaky.secret) })
            #expect(deadRequests.allSatisfy { ReceiverSignature.isValid($0.signature, body: $0.body, secret: dead.secret) })
            for (index, wait) in schedule.delays.prefix(3).enumerated() {
                let gap = deadRequests[index + 1].receivedAt - deadRequests[index].receivedAt
                #expect(gap >= .milliseconds(Int(wait * 1000) - 20), "wait \(index + 1): \(gap)")
            }

            let delivered = try #require(try await fixture.deliveries(of: flaky.webhook.id).first)
            #expect(delivered.status == .delivered && delivered.attempts == 3 && delivered.lastStatusCode == 200 && delivered.lastError == nil)
            let failed = try #require(try await fixture.deliveries(of: dead.webhook.id).first)
            #expect(failed.status == .failed && failed.attempts == 4 && failed.lastStatusCode == 503)
            let lastError = failed.lastError ?? ""
            #expect(lastError.hasPrefix("The receiver answered 503: xxx"))
            #expect(lastError.utf8.count == WebhookDelivery.maximumErrorLength)
        }
    }

    /// Restarts lose nothing and repeat nothing: a dispatcher stopped with sends in flight finishes them and leaves the
    /// rest queued; one stopped while the receiver is down leaves its retries queued; a new dispatcher on the same
    /// store delivers everything, each delivery exactly once.
    @Test(arguments: TestBackend.allCases)
    func aNewDispatcherDeliversWhatTheStoppedOneLeftExactlyOnce(backend: TestBackend) async throws {
        let released = Switch(false)
        let up = Switch(true)
        let receiver = try await WebhookReceiver.start { request in
            if request.path == "/held" { await released.waitUntilOn() }
            return up.isOn ? .init(status: .noContent) : .init(status: .serviceUnavailable)
        }
        defer { Task { await receiver.stop() } }
        try await withWebhookStore(backend) { store in
            let fixture = try await WebhookFixture.make(on: store)
            let held = try await fixture.service.create(in: fixture.organization, NewWebhook(url: receiver.url("/held"), events: [.taskCreated]))

            // Queued while no dispatcher runs, as after a crash before sending.
            var queued: [WebhookDeliveryID] = []
            for index in 0..<5 {
                queued += await fixture.service.publish(.taskCreated, in: fixture.scope, data: .object(["n": .number(Double(index))])).map(\.id)
            }
            #expect(queued.count == 5)

            // The first dispatcher takes two (its concurrency) and is stopped while they are in flight.
            let first = RunningDispatcher(fixture.dispatcher(concurrency: 2))
            try await receiver.waitFor(2)
            let stopping = Task { try await first.stop() }
            try await Task.sleep(for: .milliseconds(200))
            released.set(true)
            try await stopping.value
            let afterFirst = try await fixture.deliveries(of: held.webhook.id)
            #expect(afterFirst.filter { $0.status == .delivered }.count == 2)
            #expect(afterFirst.filter { $0.status == .pending && $0.attempts == 0 }.count == 3)
            #expect(receiver.requests.count == 2)

            // A new dispatcher on the same store sends the other three.
            let second = RunningDispatcher(fixture.dispatcher())
            try await receiver.waitFor(5)
            #expect(try await eventually { try await fixture.deliveries(of: held.webhook.id).allSatisfy { $0.status == .delivered } })
            try await second.stop()
            let heldRequests = receiver.requests.filter { $0.path == "/held" }
            #expect(heldRequests.count == 5)
            #expect(Set(heldRequests.compactMap(\.deliveryID)) == Set(queued.map(\.description)))
            #expect(heldRequests.allSatisfy { $0.attempt == 1 })
            #expect(try await fixture.deliveries(of: held.webhook.id).allSatisfy { $0.attempts == 1 })

            // The receiver goes down: first attempts fail, and their retries (10 s later, on the standard schedule) are
            // still queued when the dispatcher stops.
            let down = try await fixture.service.create(in: fixture.organization, NewWebhook(url: receiver.url("/down"), events: [.memberAdded]))
            up.set(false)
            let third = RunningDispatcher(fixture.dispatcher())
            var failing: [WebhookDeliveryID] = []
            for _ in 0..<3 { failing += await fixture.service.publish(.memberAdded, in: fixture.scope, data: .object([:])).map(\.id) }
            try await receiver.waitFor(3) { $0.path == "/down" }
            #expect(try await eventually { try await fixture.deliveries(of: down.webhook.id).allSatisfy { $0.attempts == 1 } })
            try await third.stop()
            #expect(try await fixture.deliveries(of: down.webhook.id).allSatisfy { $0.status == .pending && $0.lastStatusCode == 503 })

            // Back up; a dispatcher started after the retries are due (its clock a minute ahead) sends each once more,
            // and each arrives once.
            up.set(true)
            let fourth = RunningDispatcher(fixture.dispatcher(time: ShiftedTimeSource(seconds: 60)))
            try await receiver.waitFor(6) { $0.path == "/down" }
            #expect(try await eventually { try await fixture.deliveries(of: down.webhook.id).allSatisfy { $0.status == .delivered } })
            try await Task.sleep(for: .milliseconds(300))
            try await fourth.stop()
            let downRequests = receiver.requests.filter { $0.path == "/down" }
            #expect(downRequests.count == 6)
            for id in failing {
                #expect(downRequests.filter { $0.deliveryID == id.description }.map(\.attempt) == [1, 2])
            }
            #expect(try await fixture.deliveries(of: down.webhook.id).allSatisfy { $0.attempts == 2 && $0.lastStatusCode == 204 })
            #expect(receiver.requests.filter { $0.path == "/held" }.count == 5)
        }
    }
}
