import CoordinaitorPostgres
import PostgresNIO
import Testing

@Suite("PostgreSQL URL parsing")
struct PostgresURLTests {
    @Test func parsesEveryPart() throws {
        let configuration = try PostgresDataStore.configuration(url: "postgresql://app:s%40cret@db.internal:6543/coordinaitor?sslmode=disable")
        #expect(configuration.host == "db.internal")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "app")
        #expect(configuration.password == "s@cret")
        #expect(configuration.database == "coordinaitor")
    }

    @Test func defaultsThePort() throws {
        let configuration = try PostgresDataStore.configuration(url: "postgres://app@localhost/coordinaitor?sslmode=require")
        #expect(configuration.port == 5432)
        #expect(configuration.password == nil)
    }

    @Test(arguments: [
        "mysql://app@localhost/db",
        "postgres://localhost/db",
        "postgres://app@/db",
        "postgres://app@localhost",
        "postgres://app@localhost/db/extra",
        "postgres://app@localhost/db?sslmode=sometimes",
        "not a url",
    ])
    func rejectsBadURLs(_ url: String) {
        #expect(throws: PostgresURLError.self) { try PostgresDataStore.configuration(url: url) }
    }

    @Test func errorDoesNotRepeatThePassword() {
        do {
            _ = try PostgresDataStore.configuration(url: "postgres://app:hunter2@localhost/db?sslmode=bogus")
            Issue.record("Expected an error")
        } catch {
            #expect(!error.description.contains("hunter2"))
        }
    }
}
