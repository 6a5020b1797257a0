@testable import CoordinaitorSQLite
import CoordinaitorTesting
import Foundation
import SQLiteNIO
import Testing

/// The project and agent indexes on tasks hold only tasks that have one, and still serve the statements that unlink a
/// deleted project's or agent's tasks (which must not scan the organization's tasks).
@Suite("SQLite task reference indexes")
struct SQLiteTaskReferenceIndexTests {
    static let statements = [
        ("tasks_organization_id_project_id_idx", "UPDATE tasks SET project_id = NULL WHERE organization_id = ? AND project_id = ?"),
        ("tasks_organization_id_assigned_agent_id_idx", "UPDATE tasks SET assigned_agent_id = NULL WHERE organization_id = ? AND assigned_agent_id = ?"),
    ]

    @Test func unlinkingStillUsesThem() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-indexes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let connections = try await SQLiteConnections.open(path: directory.appendingPathComponent("store.sqlite").path, readerCount: 1, logger: testLogger())
        do {
            _ = try await SQLiteMigrator(connections: connections, logger: testLogger()).migrate()
            for (index, sql) in Self.statements {
                let plan = try await connections.read { try $0.query("EXPLAIN QUERY PLAN " + sql, [.text("o"), .text("p")]) }
                    .compactMap { $0.column("detail")?.string }.joined(separator: "; ")
                #expect(plan.contains("USING INDEX \(index)") || plan.contains("USING COVERING INDEX \(index)"), "\(sql): \(plan)")
            }
            let partial = try await connections.read {
                try $0.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks' AND sql LIKE '%IS NOT NULL%' ORDER BY name")
            }.compactMap { $0.column("name")?.string }
            #expect(partial == ["tasks_organization_id_assigned_agent_id_idx", "tasks_organization_id_project_id_idx"])
        } catch {
            try? await connections.close()
            throw error
        }
        try await connections.close()
    }
}
