@testable import CoordinaitorPostgres
import CoordinaitorTesting
import PostgresNIO
import Testing

/// The row reader walks the columns in select-list order and looks names up only for a read out of that order: either
/// way each name gives its own column's value, and a name the query did not select is an error, not a crash.
@Suite("Reading PostgreSQL rows by column name")
struct PostgresRowReaderTests {
    @Test(.timeLimit(.minutes(1)))
    func everyNameGivesItsOwnValueInAnyOrderAndAnUnselectedNameThrows() async throws {
        let logger = testLogger()
        let cluster = try PostgresTestCluster.shared()
        let client = PostgresClient(configuration: cluster.configuration(database: cluster.maintenanceDatabase), backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            let rows = try await client.query("SELECT 1::int8 AS a, 'x'::text AS b, NULL::text AS c, 7::int8 AS d", logger: logger).collect()
            let row = try #require(rows.first)

            var inOrder = PostgresRowReader(row, table: "t")
            let (a, b, c, d) = (try inOrder.int64("a"), try inOrder.string("b"), try inOrder.optionalString("c"), try inOrder.int64("d"))
            #expect(a == 1 && b == "x" && c == nil && d == 7)

            // Out of order, then back in order from the start, then a name read twice.
            var shuffled = PostgresRowReader(row, table: "t")
            let (lastFirst, first, second, firstAgain) = (
                try shuffled.int64("d"), try shuffled.int64("a"), try shuffled.string("b"), try shuffled.int64("a")
            )
            #expect(lastFirst == 7 && first == 1 && second == "x" && firstAgain == 1)

            let missing = #expect(throws: PostgresStoredValueError.self) { try shuffled.string("e") }
            #expect(missing?.column == "e")
            #expect(missing?.table == "t")
        }
    }
}
