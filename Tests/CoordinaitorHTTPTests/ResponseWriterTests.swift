import CoordinaitorDomain
import Foundation
import Testing

@testable import CoordinaitorHTTP

/// The hand-written task response must be byte for byte what `JSONEncoder` wrote for the same fields.
@Suite("Response writer")
struct ResponseWriterTests {
    /// The task DTO as it was before it was written by hand: the reference for the bytes.
    private struct EncodedTask: Encodable {
        var id: String
        var organizationId: String
        var title: String
        var description: String?
        var type: String
        var status: String
        var priority: String
        var projectId: String?
        var assignedAgentId: String?
        var input: JSONValue?
        var output: JSONValue?
        var createdAt: String
        var updatedAt: String
        var startedAt: String?
        var completedAt: String?

        init(_ task: WorkTask) {
            self.id = task.id.description
            self.organizationId = task.organizationID.description
            self.title = task.title
            self.description = task.description
            self.type = task.type
            self.status = task.status.rawValue
            self.priority = task.priority.rawValue
            self.projectId = task.projectID?.description
            self.assignedAgentId = task.assignedAgentID?.description
            self.input = task.input
            self.output = task.output
            self.createdAt = Timestamp.format(task.createdAt)
            self.updatedAt = Timestamp.format(task.updatedAt)
            self.startedAt = Timestamp.format(task.startedAt)
            self.completedAt = Timestamp.format(task.completedAt)
        }
    }

    private struct EncodedList: Encodable {
        var tasks: [EncodedTask]
        var nextCursor: String?
    }

    private static func tasks() -> [WorkTask] {
        let organization = OrganizationID(UUID())
        let start = Date(timeIntervalSince1970: 1_800_000_000.123)
        let bare = WorkTask(
            id: TaskID(UUID()), organizationID: organization, title: "Plain", description: nil, type: "general", status: .pending,
            priority: .medium, projectID: nil, assignedAgentID: nil, input: nil, output: nil, createdAt: start, updatedAt: start,
            startedAt: nil, completedAt: nil
        )
        let full = WorkTask(
            id: TaskID(UUID()), organizationID: organization, title: "Quote \" slash / é 🚀 \u{1} tab\t", description: "line\nbreak",
            type: "code-review", status: .completed, priority: .critical, projectID: ProjectID(UUID()), assignedAgentID: AgentID(UUID()),
            input: .object(["repo": .string("skates"), "n": .number(3), "nested": .array([.null, .bool(true), .number(0.25)])]),
            output: .string("done"), createdAt: start, updatedAt: start.addingTimeInterval(1.877), startedAt: start.addingTimeInterval(0.001),
            completedAt: start.addingTimeInterval(86_400 * 400 + 0.999)
        )
        return [bare, full]
    }

    private static func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self)
    }

    private static func written(_ value: some JSONWritable) -> String {
        var bytes: [UInt8] = []
        value.writeJSON(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func taskMatchesTheEncoder() throws {
        for task in Self.tasks() {
            #expect(Self.written(TaskResponse(task)) == (try Self.encoded(EncodedTask(task))))
        }
    }

    @Test func listMatchesTheEncoder() throws {
        let tasks = Self.tasks()
        for cursor in [nil, "0190c2a4-7b1e-7cde-8f00-1234567890ab"] {
            let written = Self.written(TaskListResponse(tasks: tasks.map(TaskResponse.init), nextCursor: cursor))
            #expect(written == (try Self.encoded(EncodedList(tasks: tasks.map(EncodedTask.init), nextCursor: cursor))))
        }
        #expect(Self.written(TaskListResponse(tasks: [], nextCursor: nil)) == #"{"tasks":[]}"#)
    }

    @Test func timestampsAreTheStoredMilliseconds() {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        for _ in 0..<2000 {
            let milliseconds = Int64.random(in: -2_000_000_000_000...4_000_000_000_000)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let whole = Date(timeIntervalSince1970: Double(milliseconds.quotientAndRemainder(dividingBy: 1000).quotient) - (milliseconds % 1000 < 0 ? 1 : 0))
            let formatted = Timestamp.format(date)
            let expectedMilliseconds = (milliseconds % 1000 + 1000) % 1000
            // Foundation prints the seconds right; the milliseconds are printed exactly as stored.
            #expect(formatted.prefix(19) == whole.formatted(style).prefix(19), "\(milliseconds)")
            #expect(formatted.hasSuffix(String(format: ".%03dZ", expectedMilliseconds)), "\(milliseconds)")
        }
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 951_782_400.5)) == "2000-02-29T00:00:00.500Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
    }
}
