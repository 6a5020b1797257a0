import CoordinaitorDomain
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves a webhook's host name just before sending, so the addresses can be checked (DNS rebinding: a name that
/// was public when registered may point at a private address later).
package protocol WebhookAddressResolver: Sendable {
    /// Every address `host` resolves to; empty or throwing when it resolves to nothing.
    func addresses(of host: String, port: Int) async throws -> [IPAddress]
}

/// The system resolver (`getaddrinfo`, which also reads `/etc/hosts`), run on a Dispatch thread so that a slow DNS
/// server never blocks Swift concurrency's cooperative threads. A lookup cannot be cancelled: past `timeout` it is
/// abandoned (left to finish on its thread) rather than awaited, so it never holds up a send or a shutdown.
package struct SystemWebhookAddressResolver: WebhookAddressResolver {
    package struct ResolutionError: Error, CustomStringConvertible {
        package var host: String
        package var reason: String

        package var description: String { "Could not resolve \(self.host): \(self.reason)" }
    }

    package let timeout: Duration

    package init(timeout: Duration = .seconds(5)) {
        self.timeout = timeout
    }

    package func addresses(of host: String, port: Int) async throws -> [IPAddress] {
        let (seconds, attoseconds) = self.timeout.components
        let deadline = DispatchTime.now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
        return try await withCheckedThrowingContinuation { continuation in
            // Whichever finishes first resumes; the other finds the continuation taken.
            let pending = Mutex<CheckedContinuation<[IPAddress], any Error>?>(continuation)
            let finish = { @Sendable (result: Result<[IPAddress], any Error>) in
                pending.withLock { taken in
                    defer { taken = nil }
                    return taken
                }?.resume(with: result)
            }
            DispatchQueue.global().async { finish(Result { try Self.lookUp(host, port: port) }) }
            DispatchQueue.global().asyncAfter(deadline: deadline) {
                finish(.failure(ResolutionError(host: host, reason: "no answer in time")))
            }
        }
    }

    private static func lookUp(_ host: String, port: Int) throws -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw ResolutionError(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(first) }
        var addresses: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = Self.address(entry.pointee), !addresses.contains(address) { addresses.append(address) }
            cursor = entry.pointee.ai_next
        }
        guard !addresses.isEmpty else { throw ResolutionError(host: host, reason: "no address") }
        return addresses
    }

    private static func address(_ entry: addrinfo) -> IPAddress? {
        guard let socketAddress = entry.ai_addr else { return nil }
        switch entry.ai_family {
        case AF_INET:
            return socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin_addr) { IPAddress(bytes: Array($0)) }
            }
        case AF_INET6:
            return socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin6_addr) { IPAddress(bytes: Array($0)) }
            }
        default:
            return nil
        }
    }
}
