/// One or more fields of a request are unacceptable. Each issue names the field (a JSON pointer-like path) and why.
package struct ValidationError: Error, Hashable, Sendable {
    package struct Issue: Hashable, Sendable {
        package var field: String
        package var message: String

        package init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    package var issues: [Issue]

    package init(_ issues: [Issue]) {
        self.issues = issues
    }

    package init(field: String, _ message: String) {
        self.issues = [Issue(field: field, message: message)]
    }
}

/// Collects field issues while a value is checked, then throws them all at once.
package struct ValidationCollector: Sendable {
    package private(set) var issues: [ValidationError.Issue] = []

    package init() {}

    package mutating func check(_ condition: Bool, field: String, _ message: @autoclosure () -> String) {
        if !condition { self.issues.append(.init(field: field, message: message())) }
    }

    package mutating func add(field: String, _ message: String) {
        self.issues.append(.init(field: field, message: message))
    }

    package func throwIfAny() throws(ValidationError) {
        if !self.issues.isEmpty { throw ValidationError(self.issues) }
    }
}
