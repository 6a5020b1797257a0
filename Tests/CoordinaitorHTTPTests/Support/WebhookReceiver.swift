import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A real HTTP server on 127.0.0.1 and a free port that records the webhook requests it gets and answers each as
/// `respond` says: what the dispatcher under test sends to.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var path: String
        var host: String?
        var deliveryID: String?
        var event: String?
        var signature: String?
        var contentType: String?
        var body: String
        /// How many requests with this `Webhook-Id` came before this one plus one: 1 for a first attempt.
        var attempt: Int
        var receivedAt: ContinuousClock.Instant
    }

    /// What to answer: a status and a body, after an optional pause.
    struct Answer: Sendable {
        var status: HTTPResponse.Status
        var body: String = ""
        var delay: Duration = .zero
    }

    private let received = Mutex<[Received]>([])
    private let task: Mutex<Task<Void, any Error>?> = Mutex(nil)
    let port: Int

    private init(port: Int) {
        self.port = port
    }

    func url(_ path: String = "/hook") -> String { "http://127.0.0.1:\(self.port)\(path)" }

    var requests: [Received] { self.received.withLock { $0 } }

    /// Starts a receiver; `respond` decides each answer from the request (and its attempt number).
    static func start(_ respond: @escaping @Sendable (Received) async -> Answer = { _ in Answer(status: .noContent) }) async throws -> WebhookReceiver {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let box = Mutex<WebhookReceiver?>(nil)
        let router = Router()
        router.post("**") { request, context -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            let headers = request.headers
            guard let receiver = box.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
            let deliveryID = headers[HTTPField.Name("Webhook-Id")!]
            let entry = receiver.received.withLock { all -> Received in
                let attempt = all.filter { $0.deliveryID != nil && $0.deliveryID == deliveryID }.count + 1
                let entry = Received(
                    path: request.uri.path,
                    host: request.head.authority ?? headers[HTTPField.Name("Host")!],
                    deliveryID: deliveryID,
                    event: headers[HTTPField.Name("Webhook-Event")!],
                    signature: headers[HTTPField.Name("Webhook-Signature")!],
                    contentType: headers[.contentType],
                    body: String(buffer: buffer),
                    attempt: attempt,
                    receivedAt: ContinuousClock.now
                )
                all.append(entry)
                return entry
            }
            let answer = await respond(entry)
            if answer.delay > .zero { try? await Task.sleep(for: answer.delay) }
            return Response(status: answer.status, body: .init(byteBuffer: ByteBuffer(string: answer.body)))
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "webhook-receiver"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: Logger(label: "webhook-receiver") { _ in SwiftLogNoOpLogHandler() }
        )
        let task = Task { try await app.runService(gracefulShutdownSignals: []) }
        guard let port = await ports.first(where: { _ in true }), port > 0 else {
            task.cancel()
            throw ReceiverError.didNotStart
        }
        let receiver = WebhookReceiver(port: port)
        box.withLock { $0 = receiver }
        receiver.task.withLock { $0 = task }
        return receiver
    }

    func stop() async {
        let task = self.task.withLock { $0 }
        task?.cancel()
        _ = await task?.result
    }

    /// Waits until `count` requests (matching `filter`) have arrived, or fails after `timeout`.
    @discardableResult
    func waitFor(
        _ count: Int,
        timeout: Duration = .seconds(30),
        where filter: @Sendable (Received) -> Bool = { _ in true }
    ) async throws -> [Received] {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            let matching = self.requests.filter(filter)
            if matching.count >= count { return matching }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw ReceiverError.timedOut(expected: count, got: self.requests.filter(filter).count)
    }

    enum ReceiverError: Error {
        case didNotStart
        case timedOut(expected: Int, got: Int)
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
func eventually(timeout: Duration = .seconds(30), _ condition: @Sendable () async throws -> Bool) async rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
