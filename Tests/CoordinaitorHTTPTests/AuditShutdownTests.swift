import AsyncHTTPClient
import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization
import Testing

/// A normal stop loses no audit event: the server stops taking requests, the services stop in reverse order, and the
/// audit writer (stopped last) writes everything that was queued.
@Suite("Audit log across a graceful shutdown")
struct AuditShutdownTests {
    @Test func nothingIsLostAcrossAGracefulShutdownUnderLoad() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-shutdown-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Port 0 and the port the server reports once it listens: a port picked beforehand and released can be taken
        // by another test's server (a PostgreSQL cluster did), and the server then never starts.
        let environment = [
            "MULTI_TENANT_ENABLED": "true", "DATA_DIR": directory.path, "BCRYPT_COST": "4", "PORT": "0", "LOG_DIR": "",
        ]
        let configuration = try AppConfiguration(reading: { environment[$0] })
        let logger = Logger(label: "test") { _ in RecordingLogHandler() }
        let components = try await ServerComponents.open(configuration: configuration, logger: logger)
        _ = try await components.store.dataStore.migrate()
        // Enterprise: a rate-limit bucket of 1,000, so the clients load the server rather than collect 429s.
        let data = try await TwoTenants.seed(components, tier: .enterprise)
        await components.services.audit.flush()
        let (listening, listened) = AsyncStream.makeStream(of: Int.self)
        let app = try buildApplication(components: components, configuration: configuration, logger: logger) { channel in
            listened.yield(channel.localAddress?.port ?? 0)
            listened.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))

        let acknowledged = Counter()
        let attempted = Counter()
        let token = data.acme.token
        let stopping = Counter()
        let lastProblem = LastProblem()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                do {
                    try await group.run()
                } catch {
                    listened.finish()  // a server that could not start has no port to wait for
                    throw error
                }
            }
            var ports = listening.makeAsyncIterator()
            let port = try #require(await ports.next())
            // Eight clients send as fast as they can until the server stops answering.
            for _ in 0..<8 {
                tasks.addTask {
                    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/tasks")
                    request.headers.add(name: "Host", value: "acme.localhost")
                    request.headers.add(name: "Authorization", value: "Bearer \(token)")
                    // A connection per request: an idle kept-alive connection would hold the server's shutdown open.
                    request.headers.add(name: "Connection", value: "close")
                    // Until the first failure after the stop began (a refused connection once the server is gone).
                    while true {
                        attempted.increment()
                        do {
                            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(2))
                            _ = try await response.body.collect(upTo: 1 << 20)
                            if response.status == .ok { acknowledged.increment() } else { lastProblem.set("status \(response.status.code)") }
                        } catch {
                            if stopping.value > 0 { return }
                            lastProblem.set(String(describing: error))
                            try await Task.sleep(for: .milliseconds(10))
                        }
                    }
                }
            }
            // Stop while requests are in flight; a server that never serves 300 requests fails the test instead of hanging it.
            let deadline = ContinuousClock.now + .seconds(60)
            while acknowledged.value < 300, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
            if acknowledged.value < 300 {
                Issue.record("\(acknowledged.value) of \(attempted.value) requests answered 200 within 60 s; last problem: \(lastProblem.value)")
            }
            stopping.increment()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(components.services.auditQueue.droppedCount == 0)
        #expect(components.services.auditQueue.depth == 0)

        // Open the database again, as the next start would, and count what was written.
        let reopened = try await StoreFactory.open(configuration.database, logger: logger)
        var recorded = 0
        var query = AuditQuery(chain: AuditChain(data.acme.organization.id), action: AuditAction.apiRequest.rawValue, page: PageRequest(limit: 100))
        while true {
            let page = try await reopened.dataStore.audit.query(query)
            recorded += page.items.filter { $0.event.metadata["status"] == "200" }.count
            guard let next = page.nextCursor else { break }
            query.page.after = next
        }
        try await reopened.dataStore.shutdown()
        // Every answered request was recorded; requests cut off by the stop may be recorded without their answer arriving.
        #expect(recorded >= acknowledged.value)
        #expect(recorded <= attempted.value)
        #expect(acknowledged.value >= 300)
    }

    final class LastProblem: Sendable {
        private let text = Mutex("none")
        func set(_ problem: String) { self.text.withLock { $0 = problem } }
        var value: String { self.text.withLock { $0 } }
    }

    final class Counter: Sendable {
        private let count = Atomic<Int>(0)
        func increment() { self.count.add(1, ordering: .relaxed) }
        var value: Int { self.count.load(ordering: .relaxed) }
    }
}
