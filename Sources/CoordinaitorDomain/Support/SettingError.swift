/// A configuration variable holds a value that is not allowed. Its description is the one line the server prints before it stops.
package struct SettingError: Error, Hashable, Sendable, CustomStringConvertible {
    package var variable: String
    package var value: String
    package var expected: String

    package init(variable: String, value: String, expected: String) {
        self.variable = variable
        self.value = value
        self.expected = expected
    }

    package var description: String {
        "Invalid \(self.variable)=\"\(self.value)\": expected \(self.expected)."
    }
}

/// Reads typed settings from raw strings, naming the variable and the allowed values when one is wrong.
package struct SettingReader {
    private let value: (String) -> String?

    package init(_ value: @escaping (String) -> String?) {
        self.value = value
    }

    /// The trimmed value, or nil when unset or blank.
    package func nonEmpty(_ variable: String) -> String? {
        guard let raw = self.value(variable)?.trimmed, !raw.isEmpty else { return nil }
        return raw
    }

    package func bool(_ variable: String, default defaultValue: Bool) throws(SettingError) -> Bool {
        guard let raw = self.nonEmpty(variable) else { return defaultValue }
        switch raw.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw SettingError(variable: variable, value: raw, expected: "true or false")
        }
    }

    package func choice<Choice: RawRepresentable & CaseIterable>(
        _ variable: String,
        default defaultValue: Choice
    ) throws(SettingError) -> Choice where Choice.RawValue == String {
        guard let raw = self.nonEmpty(variable) else { return defaultValue }
        guard let choice = Choice(rawValue: raw.lowercased()) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw SettingError(variable: variable, value: raw, expected: "one of \(allowed)")
        }
        return choice
    }

    package func integer(_ variable: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(SettingError) -> Int {
        guard let raw = self.nonEmpty(variable) else { return defaultValue }
        guard let number = Int(raw), range.contains(number) else {
            throw SettingError(variable: variable, value: raw, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
