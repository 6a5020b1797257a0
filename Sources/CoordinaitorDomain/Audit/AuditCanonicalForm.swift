/// The exact bytes an entry's MAC covers: every field, length-prefixed, in a fixed order.
///
/// Length prefixes make the form unambiguous (no value can imitate a separator) and keep it independent of any JSON
/// encoder's formatting, so an entry read back from either database signs to the same bytes it was written with.
package enum AuditCanonicalForm {
    /// Version tag, so a later change of the form can verify old entries the old way.
    private static let version = "v1"

    package static func bytes(of event: AuditEvent, sequence: Int64) -> [UInt8] {
        var fields: [String] = [
            self.version,
            event.chain.storageKey,
            String(sequence),
            event.id.description,
            String(event.occurredAtMilliseconds),
            event.actor.type.rawValue,
            event.actor.id ?? "",
            event.actor.email ?? "",
            event.action.rawValue,
            event.target?.type ?? "",
            event.target?.id ?? "",
            event.result.rawValue,
            event.ipAddress ?? "",
            event.userAgent ?? "",
            event.requestID ?? "",
            String(event.metadata.count),
        ]
        for key in event.metadata.keys.sorted() {
            fields.append(key)
            fields.append(event.metadata[key] ?? "")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + $1.utf8.count + 8 })
        for field in fields {
            bytes.append(contentsOf: String(field.utf8.count).utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: field.utf8)
            bytes.append(UInt8(ascii: ";"))
        }
        return bytes
    }
}
