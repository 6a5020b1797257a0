import CoordinaitorDomain
import Testing

@Suite("Dot segments in request paths")
struct PathDotSegmentsTests {
    @Test(arguments: [
        "/org/acme/../globex/api/tasks", "/api/./tasks", "/api/tasks/..", "/api/tasks/.", "/..", "/.", "..", ".",
        "/org/acme/%2e%2e/globex/api/tasks", "/org/acme/%2E%2E/globex", "/org/acme/.%2e/globex", "/org/acme/%2E./globex",
        "/org/%2e/api/tasks", "/api/tasks/..?limit=5", "/api/tasks/.#fragment", "/a/b/../../c",
    ])
    func findsDotSegments(path: String) {
        #expect(PathDotSegments.occur(in: path))
    }

    @Test(arguments: [
        "/api/tasks", "/api/tasks?limit=20", "/", "", "//", "/api/tasks...", "/api/.../tasks", "/assets/app.css", "/.well-known/x",
        "/org/acme%2F..%2Fglobex/api/tasks", "/org/%2e%2e%2e/api", "/org/%2f/api", "/org/%2e%2/api", "/api/tasks/%2",
        "/api/tasks?next=/../globex", "/api/tasks?x=..", "/api/tasks#..", "/api/a.b/c",
    ])
    func acceptsPathsWithoutThem(path: String) {
        #expect(!PathDotSegments.occur(in: path))
    }
}
