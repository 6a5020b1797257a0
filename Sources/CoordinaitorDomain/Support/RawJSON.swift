/// A JSON document kept as its text: task inputs and outputs travel from the row to the response without being
/// decoded into a ``JSONValue`` and encoded again.
///
/// Text is checked when it enters (written from a ``JSONValue``, parsed, or validated when read from storage), so a
/// `RawJSON` always holds one well-formed document and can be spliced into a response as it is. Text this type wrote
/// is canonical (``JSONText``: compact, sorted keys), the same bytes the API's encoder produced for the value.
/// Text read from storage is kept as stored: rows written before the stores kept canonical text may order keys
/// differently or escape `/`, which is the same JSON.
package struct RawJSON: Hashable, Sendable, CustomStringConvertible {
    /// One well-formed JSON document.
    package let text: String
    /// Whether `text` is ``JSONText``'s canonical form of the value (so its length is what the value is charged).
    private let isCanonical: Bool

    /// The canonical text of `value`.
    package init(_ value: JSONValue) {
        self.text = JSONText.canonical(value)
        self.isCanonical = true
    }

    /// Any JSON text, checked and rewritten in canonical form (PostgreSQL hands `jsonb` back with its own spacing).
    package init(parsing text: String) throws {
        self.init(try JSONText.parse(text))
    }

    /// Text read back from storage: checked for well-formedness only (no allocation), not rewritten.
    package init(storedText text: String) throws {
        try JSONText.validate(text)
        self.text = text
        self.isCanonical = false
    }

    /// The document as a value, parsed on demand (webhook payloads, storage accounting, rules): never on the list path.
    package var value: JSONValue {
        do {
            return try JSONText.parse(self.text)
        } catch {
            // Unreachable: every initializer checked the text.
            preconditionFailure("RawJSON holds text that is not JSON: \(error)")
        }
    }

    /// The canonical text's size in bytes: what the document counts towards the storage limit.
    package var canonicalByteCount: Int {
        self.isCanonical ? self.text.utf8.count : JSONText.canonical(self.value).utf8.count
    }

    package var description: String { self.text }

    /// The same document, however it is spelled.
    package static func == (lhs: RawJSON, rhs: RawJSON) -> Bool {
        lhs.text == rhs.text || lhs.value == rhs.value
    }

    /// Consistent with `==`: equal documents have equal values.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(self.value)
    }
}
