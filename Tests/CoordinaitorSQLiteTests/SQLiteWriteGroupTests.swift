@testable import CoordinaitorSQLite
import CoordinaitorTesting
import Foundation
import SQLiteNIO
import Testing

/// Group commit: grouped writes that wait for the writer together share one transaction, yet each gets the outcome
/// it would have had alone.
@Suite("SQLite group commit")
struct SQLiteWriteGroupTests {
    private struct Refused: Error {}

    /// Holds the writer inside a plain write, queues `bodies` as grouped writes, waits until all of them are waiting,
    /// then lets the writer go; returns each write's outcome in the order given.
    private func groupBehindABusyWriter(
        _ connections: SQLiteConnections,
        _ bodies: [@Sendable (SQLiteTransaction) throws -> String]
    ) async throws -> [Result<String, any Error>] {
        let (inWrite, proceed) = AsyncStream.makeStream(of: Void.self)
        let release = DispatchSemaphoreBox()
        async let holding: Void = connections.write { _ in
            proceed.yield()
            release.wait()
        }
        var signals = inWrite.makeAsyncIterator()
        _ = await signals.next()
        let outcomes = await withTaskGroup(of: (Int, Result<String, any Error>).self) { group in
            for (index, body) in bodies.enumerated() {
                group.addTask {
                    do { return (index, .success(try await connections.groupedWrite(body))) } catch { return (index, .failure(error)) }
                }
            }
            // Every write must be waiting before the writer is let go, or they would not all be in one group.
            while connections.writeGroupState.waiting < bodies.count { try? await Task.sleep(for: .milliseconds(2)) }
            release.signal()
            var outcomes: [Int: Result<String, any Error>] = [:]
            for await (index, outcome) in group { outcomes[index] = outcome }
            return bodies.indices.compactMap { outcomes[$0] }
        }
        try await holding
        return outcomes
    }

    private func insert(_ name: String) -> @Sendable (SQLiteTransaction) throws -> String {
        { transaction in
            try transaction.query("INSERT INTO items (name) VALUES (?)", [.text(name)])
            return name
        }
    }

    private func names(_ connections: SQLiteConnections) async throws -> Set<String> {
        Set(try await connections.read { try $0.query("SELECT name FROM items") }.compactMap { $0.column("name")?.string })
    }

    @Test func writesWaitingTogetherCommitInOneTransaction() async throws {
        try await withItemsConnections { connections in
            let names = (1...10).map { "item \($0)" }
            let outcomes = try await self.groupBehindABusyWriter(connections, names.map(self.insert))
            #expect(try outcomes.map { try $0.get() } == names)
            #expect(try await self.names(connections) == Set(names))
            let state = connections.writeGroupState
            #expect(state.sharedCommits == 1)
            #expect(state.writesInSharedCommits == 10)
        }
    }

    @Test func aWriteThatFailsInAGroupFailsAloneAndTheOthersCommit() async throws {
        try await withItemsConnections { connections in
            let failing: @Sendable (SQLiteTransaction) throws -> String = { transaction in
                try transaction.query("INSERT INTO items (name) VALUES ('half-written')")
                throw Refused()
            }
            // A unique violation against a row written earlier in the same group: it fails alone too.
            let outcomes = try await self.groupBehindABusyWriter(
                connections, [self.insert("first"), failing, self.insert("second"), self.insert("first"), self.insert("third")])
            #expect((try? outcomes[0].get()) == "first")
            #expect(throws: Refused.self) { try outcomes[1].get() }
            #expect((try? outcomes[2].get()) == "second")
            let duplicate = #expect(throws: SQLiteStatementError.self) { try outcomes[3].get() }
            #expect(duplicate?.isConstraintViolation == true)
            #expect((try? outcomes[4].get()) == "third")
            #expect(try await self.names(connections) == ["first", "second", "third"])
            #expect(connections.writeGroupState.sharedCommits == 0, "the group rolled back; each write committed alone")
        }
    }

    @Test func groupedWritesAfterCloseThrow() async throws {
        let connections = try await SQLiteConnections.open(path: SQLiteConnections.inMemoryPath, readerCount: 1, logger: testLogger())
        try await connections.write { try $0.query("CREATE TABLE items (name TEXT UNIQUE)") }
        try await connections.close()
        let error = await #expect(throws: SQLiteStatementError.self) { try await connections.groupedWrite(self.insert("late")) }
        #expect(error?.primaryCode == 21)  // SQLITE_MISUSE
    }
}
