import CoordinaitorDomain
import Foundation
import Hummingbird

/// Writes one JSON object field by field, for response bodies on hot paths that skip `JSONEncoder` (the task list).
///
/// Callers add fields in the order the API's encoder would write them (`.sortedKeys`: UTF-8 byte order of the
/// names) and leave out nil optionals, as synthesized `Encodable` does; string escaping is ``JSONText``'s, the
/// encoder's own rules. The HTTP tests and the OpenAPI checks hold the shape against the document.
package struct JSONObjectWriter {
    private var isFirst = true

    /// Starts the object: writes `{`.
    package init(into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
    }

    /// Ends the object: writes `}`.
    package func finish(into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes `"name":` (after a comma unless first); the caller writes the value.
    package mutating func key(_ name: StaticString, into bytes: inout [UInt8]) {
        if self.isFirst {
            self.isFirst = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    package mutating func string(_ name: StaticString, _ value: String?, into bytes: inout [UInt8]) {
        guard let value else { return }
        self.key(name, into: &bytes)
        JSONText.writeString(value, into: &bytes)
    }

    /// An id, written straight from its bytes (ids need no escaping).
    package mutating func id<Kind>(_ name: StaticString, _ value: TypedID<Kind>?, into bytes: inout [UInt8]) {
        guard let value else { return }
        self.key(name, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
        UUIDText.write(value.uuid, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A timestamp in the API's form (``Timestamp``).
    package mutating func timestamp(_ name: StaticString, _ value: Date?, into bytes: inout [UInt8]) {
        guard let value else { return }
        self.key(name, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
        Timestamp.write(value, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A stored JSON document, spliced in as it is (``RawJSON`` holds well-formed JSON only).
    package mutating func json(_ name: StaticString, _ value: RawJSON?, into bytes: inout [UInt8]) {
        guard let value else { return }
        self.key(name, into: &bytes)
        bytes.append(contentsOf: value.text.utf8)
    }
}

/// A response body that writes its own JSON (see ``JSONObjectWriter``).
package protocol JSONWritable: Sendable {
    /// About how many bytes the document takes, so that its buffer is reserved once: a page of 20 tasks grew from
    /// 1 KiB through four reallocations, each copying what was written so far.
    var estimatedJSONByteCount: Int { get }
    func writeJSON(into bytes: inout [UInt8])
}

extension JSONWritable {
    package var estimatedJSONByteCount: Int { 1024 }
}

/// A ``JSONWritable`` body sent as `application/json` with a chosen status: the twin of ``JSONResponse`` for bodies
/// that skip `JSONEncoder`. The bytes are the same the encoder would produce.
package struct WrittenJSONResponse<Body: JSONWritable>: ResponseGenerator, Sendable {
    package var status: HTTPResponse.Status
    package var body: Body

    package init(_ body: Body, status: HTTPResponse.Status = .ok) {
        self.status = status
        self.body = body
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        try RenderedJSONResponse(self.body.renderedJSON(), status: self.status).response(from: request, context: context)
    }
}

extension JSONWritable {
    /// The document, written once into a buffer.
    package func renderedJSON() -> ByteBuffer {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(self.estimatedJSONByteCount)
        self.writeJSON(into: &bytes)
        return ByteBuffer(bytes: bytes)
    }
}

/// A JSON document already written (see ``JSONWritable/renderedJSON()``), sent as `application/json`: a body kept
/// and sent again, such as a page of a task list.
package struct RenderedJSONResponse: ResponseGenerator, Sendable {
    package var status: HTTPResponse.Status
    package var body: ByteBuffer

    package init(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) {
        self.status = status
        self.body = body
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: self.status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: self.body))
    }
}
