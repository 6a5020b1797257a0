import CoordinaitorTesting
import Testing

@Suite("PostgreSQL store contract")
struct PostgresContractTests {
    @Test(arguments: StorageContract.allCases)
    func contract(_ check: StorageContract) async throws {
        try await withPostgresStoreAndDatabase { store, database in try await check.run(on: store, database: database) }
    }
}
