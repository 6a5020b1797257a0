/// The exact bytes an entry's MAC covers: every field, length-prefixed, in a fixed order.
///
/// Length prefixes make the form unambiguous (no value can imitate a separator) and keep it independent of any JSON
/// encoder's formatting, so an entry read back from either database signs to the same bytes it was written with.
package enum AuditCanonicalForm {
    /// Version tag, so a later change of the form can verify old entries the old way.
    private static let version = "v1"

    package static func bytes(of event: AuditEvent, sequence: Int64) -> [UInt8] {
        // Written field by field into one buffer, not gathered as strings first: every API call's entry is sealed.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + event.metadata.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 8 })
        func field(_ value: some StringProtocol) {
            bytes.append(contentsOf: String(value.utf8.count).utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: value.utf8)
            bytes.append(UInt8(ascii: ";"))
        }
        field(self.version)
        field(event.chain.storageKey)
        field(String(sequence))
        field(event.id.description)
        field(String(event.occurredAtMilliseconds))
        field(event.actor.type.rawValue)
        field(event.actor.id ?? "")
        field(event.actor.email ?? "")
        field(event.action.rawValue)
        field(event.target?.type ?? "")
        field(event.target?.id ?? "")
        field(event.result.rawValue)
        field(event.ipAddress ?? "")
        field(event.userAgent ?? "")
        field(event.requestID ?? "")
        field(String(event.metadata.count))
        for key in event.metadata.keys.sorted() {
            field(key)
            field(event.metadata[key] ?? "")
        }
        return bytes
    }
}
