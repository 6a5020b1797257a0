import AsyncHTTPClient
import CoordinaitorDomain
import Foundation
import NIOCore
import NIOHTTP1

/// Sends one delivery: checks the target again, resolves and checks its addresses, signs the body and posts it.
///
/// Plain `http` targets are sent to the very address that was checked (with the original `Host` header), so DNS cannot
/// change between the check and the connection. `https` targets need the name for TLS, and AsyncHTTPClient resolves
/// it again itself: the window between the two lookups is short but not closed (an egress proxy that refuses private
/// ranges closes it). Redirects are never followed: a 3xx is a failure, not a way around the check.
struct WebhookSender: Sendable {
    /// How much of a receiver's answer is kept.
    static let maximumBodyBytes = WebhookDelivery.maximumErrorLength
    /// How much is read at most: a short answer is read to its end (so the connection can be reused), a longer one is
    /// cut off there (the connection is then closed).
    static let maximumDrainedBytes = 64 * 1024

    let client: HTTPClient
    let resolver: any WebhookAddressResolver
    let allowPrivateTargets: Bool
    let timeout: Duration
    let time: any TimeSource

    func send(_ claimed: ClaimedWebhookDelivery) async -> WebhookAttemptOutcome {
        let delivery = claimed.delivery
        let target: WebhookTarget
        do {
            target = try WebhookTarget(validating: claimed.webhook.url, allowPrivateTargets: self.allowPrivateTargets)
        } catch {
            let reason = error.issues.map(\.message).joined(separator: " ")
            return WebhookAttemptOutcome(statusCode: nil, error: "The target URL is not allowed: \(reason)", isFinal: true)
        }
        let address: IPAddress
        do {
            address = try await self.checkedAddress(of: target)
        } catch let refusal as TargetRefused {
            return .unreachable(refusal.message)
        } catch {
            return .unreachable(String(describing: error))
        }

        var request = HTTPClientRequest(url: self.url(for: target, pinnedTo: address))
        request.method = .POST
        let timestamp = Int(self.time.now().timeIntervalSince1970)
        request.headers.add(name: "Host", value: target.hostHeader)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "CoordinAItor-Webhooks/1")
        request.headers.add(name: WebhookSignature.deliveryIDHeader, value: delivery.id.description)
        request.headers.add(name: WebhookSignature.eventHeader, value: delivery.eventType.rawValue)
        request.headers.add(
            name: WebhookSignature.signatureHeader,
            value: WebhookSignature.header(for: delivery.payload, secret: claimed.webhook.secret, timestamp: timestamp)
        )
        request.body = .bytes(ByteBuffer(string: delivery.payload))
        do {
            let response = try await self.client.execute(request, timeout: TimeAmount(self.timeout))
            var kept = ByteBuffer()
            var read = 0
            for try await chunk in response.body {
                var chunk = chunk
                read += chunk.readableBytes
                if var bytes = chunk.readSlice(length: min(chunk.readableBytes, Self.maximumBodyBytes - kept.readableBytes)) {
                    kept.writeBuffer(&bytes)
                }
                if read >= Self.maximumDrainedBytes { break }
            }
            return .answered(Int(response.status.code), body: String(decoding: kept.readableBytesView, as: UTF8.self))
        } catch {
            return .unreachable(Self.describe(error))
        }
    }

    private struct TargetRefused: Error {
        var message: String
    }

    /// The address to connect to, refused unless every address the host resolves to is allowed: with several, the
    /// client may pick any of them.
    private func checkedAddress(of target: WebhookTarget) async throws -> IPAddress {
        let addresses: [IPAddress]
        switch target.host {
        case .address(let address): addresses = [address]
        case .name(let name): addresses = try await self.resolver.addresses(of: name, port: target.port)
        }
        guard let first = addresses.first else { throw TargetRefused(message: "The target's name resolves to no address.") }
        if let refused = addresses.first(where: { !WebhookTarget.permits($0, allowPrivateTargets: self.allowPrivateTargets) }) {
            // Tenants read this message: it says why, never which internal address a name resolved to.
            _ = refused
            throw TargetRefused(message: "The target resolves to a loopback, private or reserved address: refused.")
        }
        return first
    }

    /// The URL rebuilt from the checked parts (never the stored text, which another parser might read differently).
    private func url(for target: WebhookTarget, pinnedTo address: IPAddress) -> String {
        let host = target.scheme == .http ? address.urlHost : target.hostText
        return "\(target.scheme.rawValue)://\(host):\(target.port)\(target.pathAndQuery)"
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "The receiver did not answer in time."
            default: return "The request failed: \(error)"
            }
        }
        return "The request failed: \(error)"
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
