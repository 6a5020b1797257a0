import CoordinaitorDomain
import Foundation
import Hummingbird

/// Reads a JSON request body into a DTO, with the errors a client can act on:
/// 415 for a non-JSON content type, 413 past the size limit, 400 for malformed JSON, 422 naming the field otherwise.
package struct JSONBodyReader: Sendable {
    /// Bytes accepted in one body (`MAX_BODY_SIZE`, default 1 MiB).
    package let maximumSize: Int

    package init(maximumSize: Int = 1 << 20) {
        self.maximumSize = maximumSize
    }

    /// Decodes the body as `Body`, refusing fields outside `allowedFields` (such as `id` or `organizationId`).
    package func decode<Body: Decodable>(_ type: Body.Type, from request: Request, allowedFields: Set<String>) async throws -> Body {
        if let contentType = request.headers[.contentType], !Self.isJSON(contentType) {
            throw APIError(
                status: .unsupportedMediaType,
                code: "unsupported_media_type",
                detail: "Send the body as JSON with 'Content-Type: application/json'."
            )
        }
        let buffer = try await request.body.collect(upTo: self.maximumSize)
        let parsed: FieldCheckedBody<Body>
        do {
            parsed = try JSONCoding.decoder.decode(FieldCheckedBody<Body>.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            if case .typeMismatch = error {
                throw APIError(status: .unprocessableContent, code: "validation_failed", detail: "The body must be a JSON object.", field: "")
            }
            throw APIError(status: .badRequest, code: "malformed_json", detail: "The body is not valid JSON.")
        }
        let unknown = parsed.fields.subtracting(allowedFields).sorted()
        if !unknown.isEmpty {
            let issues = unknown.map { APIError.FieldIssue(field: $0, message: "Unknown or read-only field.") }
            throw APIError(
                status: .unprocessableContent,
                code: "validation_failed",
                detail: "Unknown or read-only fields: \(unknown.joined(separator: ", ")). Allowed: \(allowedFields.sorted().joined(separator: ", ")).",
                field: unknown.first,
                issues: issues
            )
        }
        switch parsed.body {
        case .success(let body): return body
        case .failure(let error as DecodingError): throw Self.problem(for: error)
        case .failure(let error) where APIError(translating: error) != nil: throw error
        case .failure(let error):
            // Foundation reads numbers and string escapes lazily and throws its own error type for one it cannot
            // represent (`2.5e-42` for an integer, a lone surrogate); a top-level `decode` turns it into this one.
            let context = DecodingError.Context(
                codingPath: [],
                debugDescription: "a value cannot be read: a number out of range or not a whole number where one is required, or an invalid string escape",
                underlyingError: error
            )
            throw Self.problem(for: .dataCorrupted(context))
        }
    }

    private static func isJSON(_ contentType: String) -> Bool {
        // What nearly every client sends, checked without splitting and lower-casing.
        if contentType == "application/json" { return true }
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmed.lowercased() } ?? ""
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }

    /// A 422 naming the field a decoding error is about.
    static func problem(for error: DecodingError) -> APIError {
        let (path, message): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath + [key], "Required.")
            case .valueNotFound(_, let context): (context.codingPath, "Must not be null.")
            case .typeMismatch(let type, let context): (context.codingPath, "Must be \(Self.describe(type)).")
            case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
            @unknown default: ([], "Invalid value.")
            }
        let field = Self.fieldPath(path)
        return APIError(
            status: .unprocessableContent,
            code: "validation_failed",
            detail: "\(field.isEmpty ? "body" : field): \(message)",
            field: field,
            issues: [APIError.FieldIssue(field: field, message: message)]
        )
    }

    /// `capabilities[2]`, `settings.branding.primaryColor`.
    static func fieldPath(_ path: [any CodingKey]) -> String {
        var result = ""
        for key in path {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "a value of the documented type"
        }
    }
}

/// A JSON object's field names and its decoding as `Body`, from one parse of the bytes.
///
/// Only a body that is not an object at all (or not JSON) throws; an error decoding `Body` itself is kept, so that an
/// unknown field is reported first even when a required one is missing or invalid too.
private struct FieldCheckedBody<Body: Decodable>: Decodable {
    let fields: Set<String>
    let body: Result<Body, any Error>

    init(from decoder: any Decoder) throws {
        // A closure, not `\.stringValue`: a key path written inside a generic type is instantiated at run time on
        // every call (type metadata looked up by mangled name), which was a tenth of reading a small body.
        self.fields = Set(try decoder.container(keyedBy: BodyFieldName.self).allKeys.map { $0.stringValue })
        self.body = Result { try Body(from: decoder) }
    }
}

/// Any field name of a request body. Outside ``FieldCheckedBody``, which would make it generic too.
private struct BodyFieldName: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
