import SQLiteNIO

/// A table's name and column order. SQL text is assembled from these constants only; values are always bound.
struct SQLiteTable: Sendable {
    let name: String
    /// The key columns (`organization_id, id`, `organization_id, user_id` or just `id`), then the rest, in the order
    /// models bind their values.
    let keyColumns: [String]
    let valueColumns: [String]

    var columns: [String] { self.keyColumns + self.valueColumns }

    var selectList: String { self.columns.joined(separator: ", ") }

    var insertSQL: String {
        let placeholders = Array(repeating: "?", count: self.columns.count).joined(separator: ", ")
        return "INSERT INTO \(self.name) (\(self.selectList)) VALUES (\(placeholders))"
    }

    /// Selects the row with the given key values.
    var findSQL: String { "SELECT \(self.selectList) FROM \(self.name) WHERE \(self.keyCondition)" }

    /// Rewrites every non-key column of the row with the given key; binds are `updateBinds(from:)`.
    var updateSQL: String {
        let assignments = self.valueColumns.map { "\($0) = ?" }.joined(separator: ", ")
        return "UPDATE \(self.name) SET \(assignments) WHERE \(self.keyCondition) RETURNING \(self.keyList)"
    }

    var deleteSQL: String { "DELETE FROM \(self.name) WHERE \(self.keyCondition) RETURNING \(self.keyList)" }

    /// Reorders a model's binds (key first) into the order of ``updateSQL`` (key last).
    func updateBinds(from values: [SQLiteData]) -> [SQLiteData] {
        Array(values.dropFirst(self.keyColumns.count)) + Array(values.prefix(self.keyColumns.count))
    }

    private var keyList: String { self.keyColumns.joined(separator: ", ") }

    private var keyCondition: String { self.keyColumns.map { "\($0) = ?" }.joined(separator: " AND ") }
}
