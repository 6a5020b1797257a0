import CoordinaitorDomain
import CoordinaitorServices
import HTTPTypes
import HummingbirdTesting
import Testing

/// One hostile request for the tenant list (or another tenant route), and what it must get.
struct ResolutionAttack: Sendable, CustomStringConvertible {
    enum Outcome: Sendable {
        /// 200 with acme's tasks, `X-Tenant-ID` acme's.
        case servesAcme
        /// This status and problem code.
        case refused(HTTPResponse.Status, code: String)
    }

    var name: String
    var uri = "/api/tasks"
    /// Request fields in order; a name may repeat.
    var fields: [(name: String, value: String)] = []
    var outcome: Outcome

    var description: String { self.name }

    /// A refused attack, and the access event it must be recorded as.
    struct Refusal: Sendable {
        var attack: ResolutionAttack
        var requestID: String
        var action: AuditAction
    }

    /// What an answer, in-process or over a socket, is checked on.
    struct Answer: Sendable {
        var status: Int
        var contentType: String?
        var tenantHeader: String?
        var body: String
        var bodyWithoutEcho: String
        var problemCode: String?
        var taskIDs: [String]
    }

    /// The access event a refusal with `code` is recorded as; nil for refusals that are not access decisions.
    static func auditAction(forProblem code: String) -> AuditAction? {
        switch code {
        case "cross_tenant_access_denied": .crossTenantDenied
        case "tenant_not_found", "invalid_tenant_id", "tenant_header_required": .tenantUnresolved
        case "invalid_path": .invalidPath
        default: nil
        }
    }

    func expectMet(by answer: Answer, data: TwoTenants) {
        #expect(answer.status < 500, "\(self): \(answer.status)")
        for id in data.globex.identifiers { #expect(!answer.bodyWithoutEcho.contains(id), "\(self) leaked \(id)") }
        switch self.outcome {
        case .servesAcme:
            #expect(answer.status == 200, "\(self): \(answer.status) \(answer.problemCode ?? "")")
            #expect(answer.tenantHeader == data.acme.organization.id.description, "\(self)")
            #expect(answer.taskIDs == [data.acme.task.id.description], "\(self)")
        case .refused(let status, let code):
            #expect(answer.status == Int(status.code), "\(self): \(answer.status) \(answer.problemCode ?? "")")
            #expect(answer.problemCode == code, "\(self): \(answer.problemCode ?? answer.body)")
            #expect(answer.contentType == "application/problem+json", "\(self)")
            // A refusal never says which organization the request named.
            #expect(answer.tenantHeader == nil, "\(self)")
        }
    }

    /// Each refusal is an entry of the platform's log with the refused request's id.
    static func expectRecorded(_ refusals: [Refusal], services: CoreServices) async throws {
        var recordedIDs: [AuditAction: Set<String>] = [:]
        for action in Set(refusals.map(\.action)) {
            recordedIDs[action] = Set(try await services.auditLog.entries(in: .platform, action: action.rawValue).compactMap(\.event.requestID))
        }
        for refusal in refusals {
            #expect(recordedIDs[refusal.action]?.contains(refusal.requestID) == true, "\(refusal.attack) is not recorded as \(refusal.action)")
        }
    }
}

extension ResolutionAttack.Answer {
    init(_ response: TestResponse) {
        self.status = Int(response.status.code)
        self.contentType = response.headers[.contentType]
        self.tenantHeader = response.headers[.tenantHeader]
        self.body = response.text
        self.bodyWithoutEcho = response.textWithoutEcho
        self.problemCode = response.problemCode
        self.taskIDs = (try? response.json.ids(of: "tasks")) ?? []
    }
}
