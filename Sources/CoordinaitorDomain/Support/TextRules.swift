/// Length rules shared by every resource, so that limits read the same everywhere.
package enum TextRules {
    package static let nameLength = 1...200
    package static let titleLength = 1...500
    package static let descriptionMaximum = 10_000

    package static func checkName(_ value: String, field: String, into collector: inout ValidationCollector, length: ClosedRange<Int> = nameLength) {
        // Lengths count Unicode code points of the value as sent, as JSON Schema's minLength and maxLength do, so that
        // the OpenAPI document and the server agree; at least the minimum must remain once spaces are trimmed.
        let trimmed = value.trimmed
        collector.check(
            trimmed.unicodeScalars.count >= length.lowerBound && value.unicodeScalars.count <= length.upperBound, field: field,
            "Must be \(length.lowerBound) to \(length.upperBound) characters, not only spaces.")
        collector.check(!trimmed.contains(where: \.isNewline), field: field, "Must be a single line.")
    }

    package static func checkDescription(_ value: String?, field: String = "description", into collector: inout ValidationCollector) {
        if let value { collector.check(value.unicodeScalars.count <= self.descriptionMaximum, field: field, "Must be at most \(self.descriptionMaximum) characters.") }
    }

    /// A machine-readable token such as a task type or a capability: `a-z 0-9 _ . -`, 1 to 64 characters.
    package static func isToken(_ value: String) -> Bool {
        (1...64).contains(value.utf8.count)
            && value.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            }
    }
}
