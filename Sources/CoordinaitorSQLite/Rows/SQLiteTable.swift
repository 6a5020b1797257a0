import SQLiteNIO

/// A table's name and column order. SQL text is assembled from these constants only; values are always bound.
///
/// The statements are built once, when the table's constant is first used: they are the keys of each connection's
/// kept statements, looked up on every call, and assembling them again cost a share of every insert and list.
/// A class, so that using a table's constant costs one reference count rather than one per string it holds (a copy
/// of the struct was a fifth of decoding each listed task).
final class SQLiteTable: Sendable {
    let name: String
    /// The key columns (`organization_id, id`, `organization_id, user_id` or just `id`), then the rest, in the order
    /// models bind their values.
    let keyColumns: [String]
    let valueColumns: [String]
    let columns: [String]
    let selectList: String
    let insertSQL: String
    /// Selects the row with the given key values.
    let findSQL: String
    /// Rewrites every non-key column of the row with the given key; binds are `updateBinds(from:)`.
    let updateSQL: String
    let deleteSQL: String

    init(name: String, keyColumns: [String], valueColumns: [String]) {
        self.name = name
        self.keyColumns = keyColumns
        self.valueColumns = valueColumns
        self.columns = keyColumns + valueColumns
        self.selectList = self.columns.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: self.columns.count).joined(separator: ", ")
        self.insertSQL = "INSERT INTO \(name) (\(self.selectList)) VALUES (\(placeholders))"
        let keyList = keyColumns.joined(separator: ", ")
        let keyCondition = keyColumns.map { "\($0) = ?" }.joined(separator: " AND ")
        self.findSQL = "SELECT \(self.selectList) FROM \(name) WHERE \(keyCondition)"
        let assignments = valueColumns.map { "\($0) = ?" }.joined(separator: ", ")
        self.updateSQL = "UPDATE \(name) SET \(assignments) WHERE \(keyCondition) RETURNING \(keyList)"
        self.deleteSQL = "DELETE FROM \(name) WHERE \(keyCondition) RETURNING \(keyList)"
    }

    /// Reorders a model's binds (key first) into the order of ``updateSQL`` (key last).
    func updateBinds(from values: [SQLiteData]) -> [SQLiteData] {
        Array(values.dropFirst(self.keyColumns.count)) + Array(values.prefix(self.keyColumns.count))
    }
}
