import CoordinaitorDomain
import Foundation
import SQLiteNIO

/// A newest-first list of one table: equality filters on fixed columns, keyset pagination on `id`.
struct SQLiteListQuery {
    private let table: SQLiteTable
    private var conditions: [String] = []
    private var binds: [SQLiteData] = []

    init(_ table: SQLiteTable) {
        self.table = table
    }

    /// Adds `column = value` unless `value` is nil. `column` must be one of the table's constant column names.
    mutating func filter(_ column: String, equals value: SQLiteData?) {
        guard let value, !value.isNull else { return }
        self.conditions.append("\(column) = ?")
        self.binds.append(value)
    }

    /// Runs the query for one page: `limit + 1` rows after the cursor, so the extra row proves there is a next page.
    func fetch<Item>(
        _ page: PageRequest,
        on connections: SQLiteConnections,
        decode: (SQLiteRow) throws -> Item,
        cursor: (Item) -> String
    ) async throws -> Page<Item> {
        var query = self
        if let after = page.after {
            query.filter("id", lessThan: try Self.cursorID(after))
        }
        let limit = max(page.limit, 0)
        let whereClause = query.conditions.isEmpty ? "" : " WHERE " + query.conditions.joined(separator: " AND ")
        let sql = "SELECT \(self.table.selectList) FROM \(self.table.name)\(whereClause) ORDER BY id DESC LIMIT ?"
        let rows = try await connections.read { try await $0.query(sql, query.binds + [.integer(SQLiteInt64(limit + 1))]) }
        return Page(fetched: try rows.map(decode), limit: limit, cursor: cursor)
    }

    private mutating func filter(_ column: String, lessThan value: String) {
        self.conditions.append("\(column) < ?")
        self.binds.append(.text(value))
    }

    /// A cursor is the id of the last item of the previous page, compared in its lower-case form as stored.
    private static func cursorID(_ cursor: String) throws(ValidationError) -> String {
        guard cursor.utf8.count == 36, let uuid = UUID(uuidString: cursor) else {
            throw ValidationError(field: "after", "Must be the cursor of a previous page.")
        }
        return uuid.uuidString.lowercased()
    }
}
