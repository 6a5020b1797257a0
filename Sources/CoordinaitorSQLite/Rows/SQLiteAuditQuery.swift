import CoordinaitorDomain
import SQLiteNIO

/// An ``AuditQuery`` as SQL: the conditions of the filters that are set, newest first by `position`, `limit + 1` rows.
struct SQLiteAuditQuery {
    let sql: String
    let binds: [SQLiteData]
    let limit: Int

    init(_ query: AuditQuery) throws(ValidationError) {
        var conditions: [String] = []
        var binds: [SQLiteData] = []
        func add(_ condition: String, _ values: SQLiteData...) {
            conditions.append(condition)
            binds.append(contentsOf: values)
        }
        if let chain = query.chain { add("organization_id = ?", .text(chain.storageKey)) }
        if let match = query.actionMatch {
            if match.isPrefix, let prefix = query.action?.dropLast() {
                // SQLite's LIKE ignores ASCII case and PostgreSQL's does not: the comparison of the leading characters
                // makes the prefix exact here too, so both backends match the same actions.
                let exact = SQLiteData.text(String(prefix))
                add("action LIKE ? ESCAPE '\\' AND substr(action, 1, length(?)) = ?", .text(match.value), exact, exact)
            } else {
                add("action = ?", .text(match.value))
            }
        }
        if let actor = query.actor { add("(actor_id = ? OR actor_email = ?)", .text(actor), .text(actor)) }
        if let actorType = query.actorType { add("actor_type = ?", .raw(actorType)) }
        if let result = query.result { add("result = ?", .raw(result)) }
        if let from = query.from { add("occurred_at >= ?", .date(from)) }
        if let until = query.until { add("occurred_at < ?", .date(until)) }
        if let after = query.page.after { add("position < ?", .integer(SQLiteInt64(try Self.position(after)))) }

        self.limit = max(query.page.limit, 0)
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        self.sql = """
            SELECT \(AuditEntry.sqliteSelectList) FROM \(AuditEntry.sqliteTableName)\(whereClause)
            ORDER BY position DESC LIMIT \(self.limit + 1)
            """
        // The limit is spliced in (an integer we computed), not bound: see SQLiteListQuery.fetch.
        self.binds = binds
    }

    /// A cursor is the position of the last entry of the previous page, written as a plain positive integer.
    private static func position(_ cursor: String) throws(ValidationError) -> Int64 {
        guard let position = Int64(cursor), position > 0, String(position) == cursor else {
            throw ValidationError(field: "after", "Must be the cursor of a previous page.")
        }
        return position
    }
}
