import CoordinaitorDomain
import Crypto
import Foundation

/// How deliveries are signed, so a receiver can check that a request comes from this server and is recent:
///
/// `Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the webhook's secret>`
///
/// The timestamp is inside the signed text, so a captured request cannot be replayed later with a fresh one; the
/// receiver compares `v1` in constant time and refuses timestamps older than a few minutes. The key is the secret as
/// shown at creation (`whsec_…`), taken as UTF-8 bytes.
package enum WebhookSignature {
    package static let signatureHeader = "Webhook-Signature"
    package static let deliveryIDHeader = "Webhook-Id"
    package static let eventHeader = "Webhook-Event"

    /// The header value for `body` sent at `timestamp` (Unix seconds).
    package static func header(for body: String, secret: String, timestamp: Int) -> String {
        "t=\(timestamp),v1=\(self.hex(body: body, secret: secret, timestamp: timestamp))"
    }

    /// Lower-case hex HMAC-SHA256 of `"<timestamp>.<body>"`.
    package static func hex(body: String, secret: String, timestamp: Int) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(body)".utf8), using: key)
        return code.lowercaseHex
    }

    /// What a receiver does: parses the header, recomputes the code and compares in constant time, and refuses a
    /// timestamp further than `tolerance` seconds from `now`.
    package static func verify(header: String, body: String, secret: String, now: Date, tolerance: TimeInterval = 300) -> Bool {
        var timestamp: Int?
        var signatures: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int(pair[1]) }
            if pair[0] == "v1" { signatures.append(pair[1]) }
        }
        guard let timestamp, abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance else { return false }
        let expected = self.hex(body: body, secret: secret, timestamp: timestamp)
        return signatures.contains { Self.constantTimeEquals($0, expected) }
    }

    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
