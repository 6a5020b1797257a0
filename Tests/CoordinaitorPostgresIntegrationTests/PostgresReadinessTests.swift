import CoordinaitorDomain
import CoordinaitorPostgres
import CoordinaitorTesting
import PostgresNIO
import Testing

@Suite("PostgreSQL readiness")
struct PostgresReadinessTests {
    @Test func reportsMigrationsAsCurrentAfterMigrate() async throws {
        try await withPostgresStore { store in
            let readiness = try await store.readiness()
            #expect(readiness.backend == "postgres")
            #expect(readiness.migrationsCurrent)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func throwsWhenTheDatabaseIsUnreachable() async throws {
        // Port 1 on loopback: nothing listens there, so every connection attempt is refused.
        var configuration = try PostgresDataStore.configuration(url: "postgres://nobody@127.0.0.1:1/none?sslmode=disable")
        configuration.options.connectTimeout = .seconds(2)
        let store = PostgresDataStore(configuration: configuration, logger: testLogger(), readinessTimeout: .seconds(3))
        await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await store.run() }
            defer { group.cancelAll() }
            await #expect(throws: PostgresUnreachableError.self) { _ = try await store.readiness() }
        }
    }
}
