/// A resource could not be found, would collide with another, or cannot change the way asked.
///
/// A resource of another organization is reported exactly like a missing one: ``Code/notFound``.
package struct ResourceError: Error, Hashable, Sendable {
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case notFound, conflict, invalidTransition, notPermitted
        }

        private let value: Value

        /// No such resource in this organization.
        package static let notFound = Code(value: .notFound)
        /// A unique field (name, subdomain, domain) is already taken.
        package static let conflict = Code(value: .conflict)
        /// The resource's state does not allow the change.
        package static let invalidTransition = Code(value: .invalidTransition)
        /// The actor's role does not reach this far (such as an admin granting admin).
        package static let notPermitted = Code(value: .notPermitted)

        package var description: String {
            switch self.value {
            case .notFound: "not_found"
            case .conflict: "conflict"
            case .invalidTransition: "invalid_transition"
            case .notPermitted: "permission_denied"
            }
        }
    }

    package var code: Code
    /// The kind of resource, such as `project`.
    package var resource: String
    /// The request field that led to the resource, when the error is about a reference or a unique field.
    package var field: String?
    package var message: String

    package init(code: Code, resource: String, field: String? = nil, message: String) {
        self.code = code
        self.resource = resource
        self.field = field
        self.message = message
    }

    package static func notFound(_ resource: String, field: String? = nil) -> ResourceError {
        let message =
            if let field { "The \(resource) named by '\(field)' does not exist in this organization." } else {
                "No such \(resource) in this organization."
            }
        return ResourceError(code: .notFound, resource: resource, field: field, message: message)
    }

    package static func conflict(_ resource: String, field: String) -> ResourceError {
        ResourceError(code: .conflict, resource: resource, field: field, message: "Another \(resource) already has this \(field).")
    }
}
