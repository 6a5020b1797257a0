import CoordinaitorDomain
import Foundation
import Hummingbird

/// The one error type the HTTP edge renders: an RFC 9457 problem (`application/problem+json`) with a stable `code`.
///
/// Domain errors are translated into it in one place (``APIError/init(translating:)``); its messages are safe to show.
package struct APIError: HTTPResponseError, Sendable {
    /// A field-level problem, as listed under `errors`.
    package struct FieldIssue: Codable, Hashable, Sendable {
        package var field: String
        package var message: String

        package init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    package var status: HTTPResponse.Status
    /// A stable, machine-readable code such as `tenant_not_found`.
    package var code: String
    package var detail: String
    /// The request field the problem is about, when there is one.
    package var field: String?
    package var issues: [FieldIssue]
    package var headers: HTTPFields
    /// Further members of the problem document (RFC 9457 extensions), such as a limit's figures.
    package var extensions: [String: JSONValue]

    package init(
        status: HTTPResponse.Status,
        code: String,
        detail: String,
        field: String? = nil,
        issues: [FieldIssue] = [],
        headers: HTTPFields = [:],
        extensions: [String: JSONValue] = [:]
    ) {
        self.status = status
        self.code = code
        self.detail = detail
        self.field = field
        self.issues = issues
        self.headers = headers
        self.extensions = extensions
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        let problem = ProblemDocument(
            type: "urn:coordinaitor:problem:\(self.code)",
            title: self.status.reasonPhrase,
            status: Int(self.status.code),
            detail: self.detail,
            code: self.code,
            field: self.field,
            errors: self.issues.isEmpty ? nil : self.issues,
            instance: request.uri.path,
            requestId: context.id,
            extensions: self.extensions
        )
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        let body = try JSONCoding.encoder.encode(problem)
        return Response(status: self.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// The JSON body of a problem response.
struct ProblemDocument: Encodable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var code: String
    var field: String?
    var errors: [APIError.FieldIssue]?
    var instance: String
    var requestId: String
    var extensions: [String: JSONValue]

    private enum CodingKeys: String, CodingKey { case type, title, status, detail, code, field, errors, instance, requestId }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.type, forKey: .type)
        try container.encode(self.title, forKey: .title)
        try container.encode(self.status, forKey: .status)
        try container.encode(self.detail, forKey: .detail)
        try container.encode(self.code, forKey: .code)
        try container.encodeIfPresent(self.field, forKey: .field)
        try container.encodeIfPresent(self.errors, forKey: .errors)
        try container.encode(self.instance, forKey: .instance)
        try container.encode(self.requestId, forKey: .requestId)
        var extra = encoder.container(keyedBy: AnyKey.self)
        for (key, value) in self.extensions.sorted(by: { $0.key < $1.key }) {
            try extra.encode(value, forKey: AnyKey(stringValue: key))
        }
    }
}
