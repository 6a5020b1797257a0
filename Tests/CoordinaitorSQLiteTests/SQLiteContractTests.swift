import CoordinaitorTesting
import Testing

@Suite("SQLite store contract")
struct SQLiteContractTests {
    @Test(arguments: StorageContract.allCases)
    func contract(_ check: StorageContract) async throws {
        try await withSQLiteStoreAndDatabase { store, database in try await check.run(on: store, database: database) }
    }
}
