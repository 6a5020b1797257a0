@testable import CoordinaitorSQLite
import CoordinaitorTesting
import Foundation
import NIOCore
import SQLiteNIO
import Testing

/// The connection layer under the repositories: kept statements, transactions, readers beside the writer, shutdown.
@Suite("SQLite connections")
struct SQLiteConnectionsTests {
    private func names(_ connections: SQLiteConnections) async throws -> [String] {
        try await connections.read { try $0.query("SELECT name FROM items ORDER BY id") }.compactMap { $0.column("name")?.string }
    }

    @Test func aKeptStatementThatFailedRunsAgainWithNewValues() async throws {
        try await withItemsConnections { (connections: SQLiteConnections) async throws in
            let insert = "INSERT INTO items (name) VALUES (?)"
            try await connections.write { try $0.query(insert, [.text("a")]) }
            let error = await #expect(throws: SQLiteStatementError.self) {
                try await connections.write { try $0.query(insert, [.text("a")]) }
            }
            #expect(error?.isConstraintViolation == true)
            #expect(error?.message.contains("items.name") == true)
            // The same kept statement, reset after its failure, inserts the next row.
            try await connections.write { try $0.query(insert, [.text("b")]) }
            #expect(try await self.names(connections) == ["a", "b"])
        }
    }

    @Test func aFailedBodyRollsBackEveryStatementOfItsTransaction() async throws {
        struct Refused: Error {}
        try await withItemsConnections { (connections: SQLiteConnections) async throws in
            await #expect(throws: Refused.self) {
                try await connections.write { transaction in
                    try transaction.query("INSERT INTO items (name) VALUES ('kept?')")
                    throw Refused()
                }
            }
            #expect(try await self.names(connections).isEmpty)
        }
    }

    @Test func textAndBlobsComeBackByteForByte() async throws {
        try await withItemsConnections { (connections: SQLiteConnections) async throws in
            let text = "nul\u{0}inside · ünïcødé 🚀"
            let bytes: [UInt8] = [0, 1, 2, 0, 255, 0]
            try await connections.write { try $0.query("INSERT INTO items (name, data) VALUES (?, ?)", [.text(text), .blob(ByteBuffer(bytes: bytes))]) }
            let row = try #require(try await connections.read { try $0.query("SELECT name, data FROM items") }.first)
            #expect(row.column("name") == .text(text))
            #expect(row.column("data") == .blob(ByteBuffer(bytes: bytes)))
            #expect(row.column("absent") == nil)
        }
    }

    @Test func moreDistinctStatementsThanTheCacheKeepsStillRun() async throws {
        try await withItemsConnections { (connections: SQLiteConnections) async throws in
            let count = SQLiteHandle.statementCacheCapacity + 10
            try await connections.write { transaction in
                for index in 0..<count { try transaction.query("INSERT INTO items (name) VALUES ('item-\(index)')") }
            }
            let total = try await connections.read { try $0.query("SELECT COUNT(*) AS n FROM items") }.first?.column("n")
            #expect(total == .integer(count))
        }
    }

    @Test func aStatementWithManyBindsIsNotKeptAndStillRuns() async throws {
        try await withItemsConnections { (connections: SQLiteConnections) async throws in
            let count = SQLiteHandle.maximumKeptBindCount + 1
            let sql = "INSERT INTO items (name) VALUES " + Array(repeating: "(?)", count: count).joined(separator: ", ")
            let binds = (0..<count).map { SQLiteData.text("bulk-\($0)") }
            try await connections.write { try $0.query(sql, binds) }
            try await connections.write { try $0.query("DELETE FROM items") }
            try await connections.write { try $0.query(sql, binds) }
            #expect(try await self.names(connections).count == count)
        }
    }

    @Test func readersSeeTheLastCommitWhileAWriteIsOpen() async throws {
        try await withItemsConnections { (connections: SQLiteConnections) async throws in
            try await connections.write { try $0.query("INSERT INTO items (name) VALUES ('committed')") }
            let (inWrite, proceed) = AsyncStream.makeStream(of: Void.self)
            let release = DispatchSemaphoreBox()
            async let writing: Void = connections.write { transaction in
                try transaction.query("INSERT INTO items (name) VALUES ('uncommitted')")
                proceed.yield()
                release.wait()
            }
            var signals = inWrite.makeAsyncIterator()
            _ = await signals.next()
            // The writer's thread is inside its transaction; a reader answers with the committed state only.
            let seen = try await self.names(connections)
            release.signal()
            try await writing
            #expect(seen == ["committed"])
            #expect(try await self.names(connections) == ["committed", "uncommitted"])
        }
    }

    /// A kept statement must stay prepared: preparing again on every use is what keeping statements is meant to save.
    /// SQLite prepares a statement again when a value its plan looked at is bound anew (a LIMIT, and, once bindings
    /// are cleared, any filtered column): list queries splice their LIMIT in and bindings are never cleared.
    @Test func keptPageQueriesAreNotPreparedAgain() throws {
        let handle = try SQLiteHandle(path: SQLiteConnections.inMemoryPath)
        defer { handle.close() }
        try handle.query("CREATE TABLE items (id INTEGER PRIMARY KEY, owner TEXT, kind TEXT, name TEXT)")
        try handle.query("CREATE INDEX items_owner_id ON items (owner, id)")
        for index in 0..<30 {
            try handle.query("INSERT INTO items (owner, kind, name) VALUES (?, ?, ?)", [.text("o\(index % 2)"), .text("k\(index % 3)"), .text("n\(index)")])
        }
        let spliced = "SELECT id FROM items WHERE owner = ? AND kind = ? ORDER BY id DESC LIMIT 6"
        let bound = "SELECT id FROM items WHERE owner = ? AND kind = ? ORDER BY id DESC LIMIT ?"
        for round in 0..<4 {
            let owner = SQLiteData.text("o\(round % 2)"), kind = SQLiteData.text("k\(round % 3)")
            #expect(try handle.query(spliced, [owner, kind]).count == 5)
            #expect(try handle.query(bound, [owner, kind, .integer(round % 2 == 0 ? 6 : 3)]).count == (round % 2 == 0 ? 5 : 3))
        }
        #expect(handle.timesReprepared(spliced) == 0)
        // The bound LIMIT changed on every round: each change costs a new preparation.
        #expect((handle.timesReprepared(bound) ?? 0) >= 3)
    }

    @Test func aStatementGivenTooFewValuesIsRefusedRatherThanRunWithOldOnes() throws {
        let handle = try SQLiteHandle(path: SQLiteConnections.inMemoryPath)
        defer { handle.close() }
        try handle.query("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)")
        let insert = "INSERT INTO items (id, name) VALUES (?, ?)"
        try handle.query(insert, [.integer(1), .text("first")])
        let error = #expect(throws: SQLiteStatementError.self) { try handle.query(insert, [.integer(2)]) }
        #expect(error?.primaryCode == 25)  // SQLITE_RANGE
        #expect(try handle.query("SELECT COUNT(*) AS n FROM items").first?.column("n") == .integer(1))
    }

    @Test func textWithoutAStatementIsRefusedAsMisuse() throws {
        let handle = try SQLiteHandle(path: SQLiteConnections.inMemoryPath)
        defer { handle.close() }
        for sql in ["", "-- only a comment"] {
            let error = #expect(throws: SQLiteStatementError.self) { try handle.query(sql) }
            #expect(error?.primaryCode == 21)  // SQLITE_MISUSE, not "not an error"
        }
    }

    @Test func concurrentClosesBothWaitAndLaterCallsThrow() async throws {
        let connections = try await SQLiteConnections.open(path: SQLiteConnections.inMemoryPath, readerCount: 2, logger: testLogger())
        try await connections.write { try $0.query("CREATE TABLE t (x)") }
        async let first: Void = connections.close()
        async let second: Void = connections.close()
        _ = try await (first, second)
        await #expect(throws: SQLiteStatementError.self) { try await connections.write { try $0.query("INSERT INTO t VALUES (1)") } }
    }

    @Test func closingTwiceIsHarmlessAndLaterCallsThrow() async throws {
        let connections = try await SQLiteConnections.open(path: SQLiteConnections.inMemoryPath, readerCount: 2, logger: testLogger())
        try await connections.write { try $0.query("CREATE TABLE t (x)") }
        try await connections.close()
        try await connections.close()
        let error = await #expect(throws: SQLiteStatementError.self) {
            try await connections.read { try $0.query("SELECT 1") }
        }
        #expect(error?.primaryCode == 21)  // SQLITE_MISUSE
    }
}

/// Opens connections on a new file with one table `items (id INTEGER PRIMARY KEY, name TEXT UNIQUE, data BLOB)`.
func withItemsConnections(readers: Int = 2, _ body: (SQLiteConnections) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-connections-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let connections = try await SQLiteConnections.open(
        path: directory.appendingPathComponent("store.sqlite").path, readerCount: readers, logger: testLogger())
    do {
        try await connections.write { try $0.query("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT UNIQUE, data BLOB)") }
        try await body(connections)
    } catch {
        try? await connections.close()
        throw error
    }
    try await connections.close()
}

/// A semaphore a `@Sendable` write body can wait on, so a test can hold the writer inside its transaction.
final class DispatchSemaphoreBox: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func wait() { self.semaphore.wait() }
    func signal() { self.semaphore.signal() }
}
