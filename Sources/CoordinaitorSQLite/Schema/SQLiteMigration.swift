/// One schema change. Statements run in order inside one transaction (SQLite prepares one statement per call).
struct SQLiteMigration: Sendable {
    let version: Int
    let name: String
    let statements: [String]
}
