import SQLiteNIO

/// The column names of a prepared statement, shared by every row it returns.
final class SQLiteColumnNames: Sendable {
    let names: [String]

    init(_ names: [String]) {
        self.names = names
    }

    var count: Int { self.names.count }

    func index(of name: String) -> Int? {
        self.names.firstIndex(of: name)
    }
}

/// One row of a statement's result, its values in select-list order.
package struct SQLiteResultRow: Sendable {
    let columnNames: SQLiteColumnNames
    let values: [SQLiteData]
}
