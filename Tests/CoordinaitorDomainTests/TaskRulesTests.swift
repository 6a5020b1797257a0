import CoordinaitorDomain
import Foundation
import Testing

@Suite("Task rules")
struct TaskRulesTests {
    let scope = TenantScope(organizationID: OrganizationID(UUID()))
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func makeTask(status: TaskStatus = .pending, agent: AgentID? = nil) throws -> WorkTask {
        var task = try NewTask(title: "Review", assignedAgentID: agent).task(id: TaskID(UUID()), in: self.scope, at: self.start)
        task.status = status
        return task
    }

    @Test func newTaskBelongsToTheScopeAndTrimsItsTitle() throws {
        let task = try NewTask(title: "  Review  ").task(id: TaskID(UUID()), in: self.scope, at: self.start)
        #expect(task.organizationID == self.scope.organizationID)
        #expect(task.title == "Review")
        #expect(task.status == .pending)
        #expect(task.createdAt == self.start)
    }

    @Test func newTaskCannotStartRunning() {
        #expect(throws: ValidationError.self) {
            try NewTask(title: "x", status: .running).task(id: TaskID(UUID()), in: self.scope, at: self.start)
        }
    }

    @Test func runningStampsStartAndCompletionStampsEnd() throws {
        let later = self.start.addingTimeInterval(60)
        let running = try TaskPatch(status: .running).applied(to: try self.makeTask(), at: later)
        #expect(running.startedAt == later)
        #expect(running.updatedAt == later)
        let done = try TaskPatch(status: .completed, output: .set(.string("ok"))).applied(to: running, at: later.addingTimeInterval(5))
        #expect(done.completedAt == later.addingTimeInterval(5))
        #expect(done.output == .string("ok"))
    }

    @Test(arguments: [(TaskStatus.completed, TaskStatus.pending), (.cancelled, .running), (.pending, .completed), (.failed, .running)])
    func forbiddenTransitionsNameTheStatusField(from: TaskStatus, to: TaskStatus) throws {
        let task = try self.makeTask(status: from)
        #expect {
            try TaskPatch(status: to).applied(to: task, at: self.start)
        } throws: { error in
            (error as? ValidationError)?.issues.map(\.field) == ["status"]
        }
    }

    @Test func assignedNeedsAnAgent() throws {
        #expect(throws: ValidationError.self) { try TaskPatch(status: .assigned).applied(to: try self.makeTask(), at: self.start) }
        let agent = AgentID(UUID())
        let assigned = try TaskPatch(status: .assigned, assignedAgentID: .set(agent)).applied(to: try self.makeTask(), at: self.start)
        #expect(assigned.assignedAgentID == agent)
    }

    @Test func clearingAndLeavingFieldsAlone() throws {
        let project = ProjectID(UUID())
        var task = try self.makeTask()
        task.projectID = project
        task.description = "old"
        let kept = try TaskPatch(title: "New").applied(to: task, at: self.start)
        #expect(kept.projectID == project)
        #expect(kept.description == "old")
        let cleared = try TaskPatch(description: .clear, projectID: .clear).applied(to: task, at: self.start)
        #expect(cleared.projectID == nil)
        #expect(cleared.description == nil)
    }

    @Test func unchangedPatchKeepsUpdatedAt() throws {
        let task = try self.makeTask()
        let same = try TaskPatch().applied(to: task, at: self.start.addingTimeInterval(100))
        #expect(same.updatedAt == task.updatedAt)
    }
}

@Suite("Debug namespaces")
struct DebugNamespacesTests {
    @Test(arguments: [
        ("tenant:*", "tenant:resolve", true),
        ("tenant:*", "tenant:cache", true),
        ("tenant:resolve", "tenant:cache", false),
        ("org:*,tenant:resolve", "tenant:resolve", true),
        ("*", "audit:write", true),
        ("", "tenant:resolve", false),
        ("tenant", "tenant:resolve", false),
    ])
    func matches(pattern: String, namespace: String, enabled: Bool) {
        #expect(DebugNamespaces(pattern).isEnabled(namespace) == enabled)
    }
}
