import Foundation
import Hummingbird

/// A submitted `application/x-www-form-urlencoded` form. Repeated names keep the last value.
struct FormFields: Sendable {
    /// Dashboard forms are small; anything larger is refused before it is read.
    static let maximumSize = 64 * 1024

    private let values: [String: String]

    init(encoded: String) {
        var values: [String: String] = [:]
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            values[name] = parts.count > 1 ? (Self.decode(parts[1]) ?? "") : ""
        }
        self.values = values
    }

    /// Reads the form of `request`; any other content type is refused with 415.
    static func read(_ request: Request) async throws -> FormFields {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            throw WebError(status: .unsupportedMediaType, message: "Forms are sent as application/x-www-form-urlencoded.")
        }
        let buffer = try await request.body.collect(upTo: Self.maximumSize)
        return FormFields(encoded: String(buffer: buffer))
    }

    subscript(name: String) -> String? { self.values[name] }

    /// The value with surrounding white space removed; nil when missing or blank.
    func text(_ name: String) -> String? {
        guard let value = self.values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Form encoding writes spaces as `+`; everything else is percent-encoded.
    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
