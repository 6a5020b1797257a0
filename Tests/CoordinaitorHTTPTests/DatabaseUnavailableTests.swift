import CoordinaitorDomain
import CoordinaitorHTTP
import HTTPTypes
import Testing

/// A database outage is the server's "try again shortly", never a bare 500 (the end-to-end check, with PostgreSQL
/// stopped under load, is `scripts/crash-test`).
@Suite("Database outage answers 503")
struct DatabaseUnavailableTests {
    @Test func storeUnavailableIsA503ProblemWithRetryAfter() throws {
        let problem = try #require(APIError(translating: StoreUnavailableError("PostgreSQL is down")))
        #expect(problem.status == .serviceUnavailable)
        #expect(problem.code == "database_unavailable")
        #expect(problem.headers[.retryAfter] == "1")
        #expect(!problem.detail.contains("PostgreSQL"), "the detail names no internals: \(problem.detail)")
    }
}
