import Foundation

/// The JSON encoder and decoder of the API, shared: configuring one per request would cost on every call.
package enum JSONCoding {
    package static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    package static let decoder = JSONDecoder()
}

/// Timestamps in responses: ISO 8601 in UTC with milliseconds, such as `2026-11-27T12:00:00.123Z`.
package enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    package static func format(_ date: Date) -> String {
        date.formatted(self.style)
    }

    package static func format(_ date: Date?) -> String? {
        date.map(self.format)
    }
}
