import CoordinaitorDomain

extension KeyedDecodingContainer {
    /// Absent → unchanged, `null` → clear, a value → set.
    package func decodePatch<Value: Decodable & Hashable & Sendable>(_ type: Value.Type, forKey key: Key) throws -> FieldPatch<Value> {
        guard self.contains(key) else { return .unchanged }
        if try self.decodeNil(forKey: key) { return .clear }
        return .set(try self.decode(type, forKey: key))
    }

    /// Absent → nil; `null` is refused, because the field cannot be empty.
    package func decodeNonNullIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        guard self.contains(key) else { return nil }
        if try self.decodeNil(forKey: key) {
            throw DecodingError.valueNotFound(type, .init(codingPath: self.codingPath + [key], debugDescription: "Must not be null."))
        }
        return try self.decode(type, forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// An enum sent as its raw string; a wrong value is refused with the list of allowed ones.
    package func decodeChoice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type, forKey key: Key) throws -> Choice
    where Choice.RawValue == String {
        let raw = try self.decode(String.self, forKey: key)
        guard let choice = Choice(rawValue: raw) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: self.codingPath + [key], debugDescription: "Must be one of: \(Choice.allCases.map(\.rawValue).joined(separator: ", ")).")
            )
        }
        return choice
    }

    package func decodeChoiceIfPresent<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type, forKey key: Key) throws -> Choice?
    where Choice.RawValue == String {
        guard self.contains(key) else { return nil }
        if try self.decodeNil(forKey: key) {
            throw DecodingError.valueNotFound(type, .init(codingPath: self.codingPath + [key], debugDescription: "Must not be null."))
        }
        return try self.decodeChoice(type, forKey: key)
    }
}
