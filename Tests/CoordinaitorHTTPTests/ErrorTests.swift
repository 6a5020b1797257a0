import CoordinaitorDomain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Bad input gets a clear problem, never a 500")
struct ErrorTests {
    static let environment = ["MULTI_TENANT_ENABLED": "true", "MULTI_TENANT_STRATEGY": "path", "MAX_BODY_SIZE": "2048"]

    /// (method, path under /org/acme, body, content type, status, code, field)
    static let cases: [(HTTPRequest.Method, String, String?, String?, Int, String, String?)] = [
        (.post, "/api/tasks", #"{"title": "#, nil, 400, "malformed_json", nil),
        (.post, "/api/tasks", "", nil, 400, "malformed_json", nil),
        (.post, "/api/tasks", #"["a"]"#, nil, 422, "validation_failed", ""),
        (.post, "/api/tasks", #"{}"#, nil, 422, "validation_failed", "title"),
        (.post, "/api/tasks", #"{"title": 42}"#, nil, 422, "validation_failed", "title"),
        (.post, "/api/tasks", #"{"title": "x", "priority": "urgent"}"#, nil, 422, "validation_failed", "priority"),
        (.post, "/api/tasks", #"{"title": "x", "projectId": "nope"}"#, nil, 422, "validation_failed", "projectId"),
        (.post, "/api/tasks", #"{"title": "x", "organizationId": "00000000-0000-7000-8000-000000000000"}"#, nil, 422, "validation_failed", "organizationId"),
        (.post, "/api/tasks", #"{"title": "   "}"#, nil, 422, "validation_failed", "title"),
        // An unknown field is named before a missing or invalid one.
        (.post, "/api/tasks", #"{"id": "00000000-0000-7000-8000-000000000000"}"#, nil, 422, "validation_failed", "id"),
        (.post, "/api/tasks", #"{"title": 42, "status": "done", "ownerId": 1}"#, nil, 422, "validation_failed", "ownerId"),
        // Numbers and escapes Foundation reads lazily, found by schemathesis: a problem, not a 500.
        (.post, "/api/agents", #"{"name": "a", "provider": "gpt", "maxConcurrentTasks": 2.5890419884777833e-42}"#, nil, 422, "validation_failed", ""),
        (.post, "/api/agents", #"{"name": "a", "provider": "gpt", "maxConcurrentTasks": 1e400}"#, nil, 422, "validation_failed", ""),
        (.post, "/api/tasks", #"{"title": "\ud800x"}"#, nil, 422, "validation_failed", ""),
        (.post, "/api/tasks", #"{"title": "x"}"#, "text/plain", 415, "unsupported_media_type", nil),
        (.post, "/api/tasks", #"{"title": "\#(String(repeating: "x", count: 4096))"}"#, nil, 413, "payload_too_large", nil),
        (.post, "/api/agents", #"{"name": "a", "provider": "gpt", "capabilities": ["ok", "Not Ok"]}"#, nil, 422, "validation_failed", "capabilities[1]"),
        (.post, "/api/agents", #"{"name": "a", "provider": "gpt", "maxConcurrentTasks": 0}"#, nil, 422, "validation_failed", "maxConcurrentTasks"),
        (.post, "/api/agents", #"{"name": "a"}"#, nil, 422, "validation_failed", "provider"),
        (.patch, "/api/projects/{project}", #"{"id": "00000000-0000-7000-8000-000000000000"}"#, nil, 422, "validation_failed", "id"),
        (.patch, "/api/projects/{project}", #"{"createdAt": "2020-01-01T00:00:00Z"}"#, nil, 422, "validation_failed", "createdAt"),
        (.patch, "/api/projects/{project}", #"{"name": null}"#, nil, 422, "validation_failed", "name"),
        (.get, "/api/tasks?limit=0", nil, nil, 400, "invalid_query_parameter", "limit"),
        (.get, "/api/tasks?limit=101", nil, nil, 400, "invalid_query_parameter", "limit"),
        (.get, "/api/tasks?limit=ten", nil, nil, 400, "invalid_query_parameter", "limit"),
        (.get, "/api/tasks?cursor=abc", nil, nil, 400, "invalid_query_parameter", "cursor"),
        (.get, "/api/tasks?status=done", nil, nil, 400, "invalid_query_parameter", "status"),
        (.get, "/api/tasks?projectId=1", nil, nil, 400, "invalid_query_parameter", "projectId"),
        (.get, "/api/tasks/not-a-uuid", nil, nil, 404, "task_not_found", nil),
        (.get, "/api/nothing-here", nil, nil, 404, "route_not_found", nil),
    ]

    @Test(arguments: TestBackend.allCases)
    func everyBadRequestIsAProblemNamingTheField(backend: TestBackend) async throws {
        try await TestServer(environment: Self.environment, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            for (method, path, body, contentType, status, code, field) in Self.cases {
                let uri = "/org/acme" + path.replacingOccurrences(of: "{project}", with: data.acme.project.id.description)
                var headers: HTTPFields = [:]
                if let contentType { headers[.contentType] = contentType }
                let response = try await client.send(method, uri, token: data.acme.token, headers: headers, json: body)
                let label = "\(method) \(path) \(body?.prefix(60) ?? "")"
                #expect(response.status.code == status, "\(label)")
                #expect(response.headers[.contentType] == "application/problem+json", "\(label)")
                #expect(response.problemCode == code, "\(label): \(response.text.prefix(300))")
                if let field { #expect(try response.json["field"]?.string == field, "\(label): \(response.text.prefix(300))") }
                #expect(try response.json["requestId"]?.string != nil)
            }
            // Nothing was half-written by the refused creations.
            let tasks = try await client.send(.get, "/org/acme/api/tasks", token: data.acme.token)
            #expect(try tasks.json.ids(of: "tasks") == [data.acme.task.id.description])
        }
    }
}
