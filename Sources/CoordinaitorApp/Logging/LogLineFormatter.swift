import CoordinaitorServices
import Foundation
import Logging

/// Writes one event as one logfmt line, redacted:
///
/// ```
/// ts=2026-11-20T10:00:00.123Z level=debug namespace=tenant:resolve request_id=4f1c… organization_id=0193… msg="Tenant resolution" …
/// ```
///
/// logfmt rather than JSON because these lines are read by people first (a terminal under `DEBUG=tenant:*`, `tail` on
/// the log files) and `grep request_id=…` finds a request across files, while log shippers still parse it as fields.
/// The fixed fields come first, always present (`-` when unknown), so lines line up and a missing request id is
/// visible; the remaining metadata follows sorted by key. Values are quoted and escaped whenever they hold spaces,
/// quotes, `=` or control characters, so a message with a newline can never forge a second line.
package struct LogLineFormatter: Sendable {
    /// Metadata keys shown in the fixed fields instead of among the rest.
    package static let requestIDKey = "hb.request.id"
    package static let organizationIDKeys = ["organization.id", "tenant.id"]

    private let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    package init() {}

    /// The line for one event, ending in a newline.
    package func format(timestamp: Date, level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        var remaining = metadata
        let namespace = remaining.removeValue(forKey: LogNamespace.metadataKey)
        let requestID = remaining.removeValue(forKey: Self.requestIDKey)
        let organizationID = Self.organizationIDKeys.lazy.compactMap { remaining[$0] }.first
        // Both keys usually hold the same id (the tenant middleware sets both); a different `tenant.id`, such as the
        // organization a refused request aimed at, stays among the rest.
        for key in Self.organizationIDKeys where remaining[key]?.description == organizationID?.description {
            remaining[key] = nil
        }

        var line = "ts=\(self.timestampStyle.format(timestamp)) level=\(level.rawValue)"
        Self.append("namespace", Self.fixedValue(namespace), to: &line)
        Self.append("request_id", Self.fixedValue(requestID), to: &line)
        Self.append("organization_id", Self.fixedValue(organizationID), to: &line)
        Self.append("msg", LogRedaction.redactText(message), to: &line)
        var fields: [(key: String, value: String)] = []
        for (key, value) in remaining {
            Self.flatten(value, key: key, into: &fields)
        }
        for field in fields.sorted(by: { $0.key < $1.key }) {
            Self.append(Self.sanitizedKey(field.key), field.value, to: &line)
        }
        line.append("\n")
        return line
    }

    // MARK: Values

    private static func fixedValue(_ value: Logger.MetadataValue?) -> String {
        guard let value else { return "-" }
        let text = LogRedaction.redactText(value.description)
        return text.isEmpty ? "-" : text
    }

    /// Adds `value` under `key`; dictionaries become dotted keys (`user.id`), so the key rule sees every level.
    private static func flatten(_ value: Logger.MetadataValue, key: String, into fields: inout [(key: String, value: String)]) {
        if LogRedaction.isSecretKey(key) {
            fields.append((key, LogRedaction.placeholder))
            return
        }
        if case .dictionary(let dictionary) = value {
            for (subkey, subvalue) in dictionary {
                self.flatten(subvalue, key: "\(key).\(subkey)", into: &fields)
            }
        } else {
            fields.append((key, self.text(of: value)))
        }
    }

    /// A value as redacted text; dictionaries inside arrays keep their braces and have their keys checked too.
    private static func text(of value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let string):
            return LogRedaction.redactText(string)
        case .stringConvertible(let convertible):
            return LogRedaction.redactText(convertible.description)
        case .array(let items):
            return "[" + items.map(self.text(of:)).joined(separator: ", ") + "]"
        case .dictionary(let dictionary):
            let members = dictionary.sorted { $0.key < $1.key }.map { key, value in
                "\(key)=\(LogRedaction.isSecretKey(key) ? LogRedaction.placeholder : self.text(of: value))"
            }
            return "{" + members.joined(separator: ", ") + "}"
        }
    }

    // MARK: logfmt

    private static func append(_ key: String, _ value: String, to line: inout String) {
        line.append(" ")
        line.append(key)
        line.append("=")
        line.append(self.quotedIfNeeded(value))
    }

    /// Keys keep letters, digits and `_.:/-`; anything else (a space, an `=`) would break the key/value split.
    private static func sanitizedKey(_ key: String) -> String {
        let allowed: (Unicode.Scalar) -> Bool = { scalar in
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
            default: "_.:/-".unicodeScalars.contains(scalar)
            }
        }
        let sanitized = String(String.UnicodeScalarView(key.unicodeScalars.map { allowed($0) ? $0 : "_" }))
        return sanitized.isEmpty ? "_" : sanitized
    }

    private static func quotedIfNeeded(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.unicodeScalars.contains { scalar in
            scalar == " " || scalar == "\"" || scalar == "=" || scalar == "\\" || self.isControl(scalar)
        }
        guard needsQuotes else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted.append("\\\"")
            case "\\": quoted.append("\\\\")
            case "\n": quoted.append("\\n")
            case "\r": quoted.append("\\r")
            case "\t": quoted.append("\\t")
            case _ where self.isControl(scalar): quoted.append("\\u{\(String(scalar.value, radix: 16))}")
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        quoted.append("\"")
        return quoted
    }

    /// Characters that could end or rewrite a line in a terminal or a log viewer: C0 and C1 controls, DEL, and the
    /// Unicode line and paragraph separators.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
