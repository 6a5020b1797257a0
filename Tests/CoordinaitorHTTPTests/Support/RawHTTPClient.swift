import Foundation
import NIOCore
import NIOPosix

/// Sends a request exactly as written to a server on loopback and reads the answer until the server closes: for
/// requests that a client library would normalise or refuse to send (duplicate `Host` lines, absolute-form targets,
/// fields of any size).
struct RawHTTPClient: Sendable {
    struct Response: Sendable {
        var status: Int
        /// Lower-cased names, in the order received.
        var headers: [(name: String, value: String)]
        var body: String

        func header(_ name: String) -> String? {
            self.headers.first { $0.name == name.lowercased() }?.value
        }

        /// The stable `code` of a problem body.
        var problemCode: String? {
            guard let data = self.body.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            return object["code"] as? String
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var port: Int
    /// Long enough for a loaded machine; a server that neither answers nor closes fails the test instead of hanging it.
    var timeout: Duration = .seconds(20)

    /// Sends `head` (the request line and fields, without the blank line that ends them) with `Connection: close`.
    func send(_ head: String) async throws -> Response {
        let request = head + "\r\nConnection: close\r\n\r\n"
        let received = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await self.exchange(request) }
            group.addTask {
                try await Task.sleep(for: self.timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else { throw Failure(description: "no answer within \(self.timeout)") }
            return buffer
        }
        return try Self.parse(String(buffer: received))
    }

    private func exchange(_ request: String) async throws -> ByteBuffer {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: self.port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: request))
            var received = ByteBuffer()
            for try await chunk in inbound { received.writeImmutableBuffer(chunk) }
            return received
        }
    }

    static func parse(_ text: String) throws -> Response {
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "not an HTTP response: \(text.prefix(200))") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line: \(lines.first ?? "")") }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = String(text[split.upperBound...])
        if headers.contains(where: { $0.name == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            body = Self.dechunk(body)
        }
        return Response(status: status, headers: headers, body: body)
    }

    /// Joins the chunks of a chunked body (sizes in hex, each chunk followed by CRLF, ending with a zero-size chunk).
    static func dechunk(_ body: String) -> String {
        var remaining = Substring(body)
        var joined = ""
        while let lineEnd = remaining.range(of: "\r\n"), let size = Int(remaining[..<lineEnd.lowerBound], radix: 16), size > 0 {
            let start = lineEnd.upperBound
            guard let end = remaining.utf8.index(start, offsetBy: size, limitedBy: remaining.endIndex) else { break }
            joined += remaining[start..<end]
            remaining = remaining[end...].dropFirst(2)
        }
        return joined
    }
}
