/// A partial update of one optional field: left alone, set to a value, or cleared (JSON `null`).
package enum FieldPatch<Value: Hashable & Sendable>: Hashable, Sendable {
    case unchanged
    case set(Value)
    case clear

    /// The field's new value given its current one.
    package func applied(to current: Value?) -> Value? {
        switch self {
        case .unchanged: current
        case .set(let value): value
        case .clear: nil
        }
    }

    package var isUnchanged: Bool {
        if case .unchanged = self { return true }
        return false
    }
}
