/// A coding key spelled as a string literal, so request DTOs read their fields by their JSON names.
struct AnyKey: CodingKey, ExpressibleByStringLiteral {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    init(stringLiteral value: String) { self.stringValue = value }
}

/// The position of an element in a JSON array, for error paths such as `scopes[1]`.
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(self.intValue ?? 0)" }

    init(_ index: Int) { self.intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
