import CoordinaitorDomain
import Foundation
import SQLiteNIO

/// A list of one table: equality filters on fixed columns, keyset pagination on one id column (newest first by `id`
/// unless another ``Order`` is given).
struct SQLiteListQuery {
    /// The id column pages are sorted and keyed by, and the direction.
    struct Order: Sendable {
        let column: String
        let ascending: Bool

        /// Newest first by `id` (ids are time-ordered): the order of the resource lists.
        static let newestFirst = Order(column: "id", ascending: false)

        /// Oldest first by `column`, an id column.
        static func oldestFirst(by column: String) -> Order { Order(column: column, ascending: true) }
    }

    private let table: SQLiteTable
    private let order: Order
    private var conditions: [String] = []
    private var binds: [SQLiteData] = []

    init(_ table: SQLiteTable, order: Order = .newestFirst) {
        self.table = table
        self.order = order
    }

    /// Adds `column = value` unless `value` is nil. `column` must be one of the table's constant column names.
    mutating func filter(_ column: String, equals value: SQLiteData?) {
        guard let value, !value.isNull else { return }
        self.conditions.append("\(column) = ?")
        self.binds.append(value)
    }

    /// Adds "one of `columns`, lower-cased, matches `pattern`" unless `pattern` is nil. `pattern` escapes with `\`.
    mutating func filter(anyOf columns: [String], like pattern: String?) {
        guard let pattern, !columns.isEmpty else { return }
        self.conditions.append("(" + columns.map { "lower(\($0)) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")")
        self.binds.append(contentsOf: Array(repeating: .text(pattern), count: columns.count))
    }

    /// Runs the query for one page: `limit + 1` rows after the cursor, so the extra row proves there is a next page.
    func fetch<Item>(
        _ page: PageRequest,
        on connections: SQLiteConnections,
        decode: @escaping @Sendable (SQLiteStatementRow) throws -> Item,
        cursor: (Item) -> String
    ) async throws -> Page<Item> {
        var query = self
        if let after = page.after {
            query.filter(self.order.column, beyond: try Self.cursorID(after), ascending: self.order.ascending)
        }
        let limit = max(page.limit, 0)
        let whereClause = query.conditions.isEmpty ? "" : " WHERE " + query.conditions.joined(separator: " AND ")
        let direction = self.order.ascending ? "ASC" : "DESC"
        // The limit is spliced in as a literal (an integer computed here, never input text), not bound: SQLite's
        // planner reads a bound LIMIT's value, so rebinding it marks the statement expired and every page would
        // prepare the statement again. One kept statement per page size instead.
        let sql = "SELECT \(self.table.selectList) FROM \(self.table.name)\(whereClause) ORDER BY \(self.order.column) \(direction) LIMIT \(limit + 1)"
        let binds = query.binds
        // Decoded on the reader, while the statement holds each row: no copy of the row's values in between.
        let items = try await connections.read { try $0.query(sql, binds, decode: decode) }
        return Page(fetched: items, limit: limit, cursor: cursor)
    }

    /// Keeps the rows that come after `value` in the list's direction.
    private mutating func filter(_ column: String, beyond value: String, ascending: Bool) {
        self.conditions.append(ascending ? "\(column) > ?" : "\(column) < ?")
        self.binds.append(.text(value))
    }

    /// A cursor is the id of the last item of the previous page, compared in its lower-case form as stored.
    private static func cursorID(_ cursor: String) throws(ValidationError) -> String {
        guard let uuid = UUIDText.parse(cursor) else {
            throw ValidationError(field: "after", "Must be the cursor of a previous page.")
        }
        return UUIDText.lowercased(uuid)
    }
}
