import Foundation
import Hummingbird

/// An encodable body sent as `application/json` with a chosen status.
package struct JSONResponse<Body: Encodable & Sendable>: ResponseGenerator, Sendable {
    package var status: HTTPResponse.Status
    package var body: Body

    package init(_ body: Body, status: HTTPResponse.Status = .ok) {
        self.status = status
        self.body = body
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONCoding.encoder.encode(self.body)
        return Response(
            status: self.status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}

/// A 204 with no body.
package struct NoContent: ResponseGenerator, Sendable {
    package init() {}

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .noContent)
    }
}
