@testable import CoordinaitorHTTP
import Testing

/// Metrics and the audit log name a request by its route's OpenAPI template, never by its concrete path.
@Suite("Route templates")
struct RouteTemplateTests {
    @Test(arguments: [
        ("/api/tasks", "/api/tasks"),
        ("/health", "/health"),
        ("/api/tasks/:id", "/api/tasks/{id}"),
        ("/api/organizations/:id/members/:userId", "/api/organizations/{id}/members/{userId}"),
        ("/api//tasks", "/api/tasks"),
        ("/api/tasks/", "/api/tasks"),
        ("api/tasks", "/api/tasks"),
        ("/", "/"),
        ("", "/"),
    ])
    func hummingbirdPathsBecomeOpenAPITemplates(path: String, template: String) {
        #expect(RequestObservationMiddleware.openAPITemplate(path) == template)
    }
}
