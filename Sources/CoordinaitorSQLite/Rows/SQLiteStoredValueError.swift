/// A stored row holds a value the model cannot represent: a corrupt or hand-edited database, never user input.
package struct SQLiteStoredValueError: Error, Hashable, Sendable, CustomStringConvertible {
    package var table: String
    package var column: String
    package var reason: String

    package init(table: String, column: String, reason: String) {
        self.table = table
        self.column = column
        self.reason = reason
    }

    package var description: String { "Unreadable value in \(self.table).\(self.column): \(self.reason)" }
}
