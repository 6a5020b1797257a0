/// One schema change. Statements run in order inside one transaction (the extended protocol takes one statement per query).
struct PostgresMigration: Sendable {
    let version: Int
    let name: String
    let statements: [String]
}
