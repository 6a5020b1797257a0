import CoordinaitorDomain
import Testing

@Suite("Path strategy prefix")
struct PathTenantPrefixTests {
    @Test(arguments: [
        ("/org/acme/api/tasks", "acme", "/api/tasks"),
        ("/org/acme/api/tasks?limit=5", "acme", "/api/tasks?limit=5"),
        ("/org/acme", "acme", "/"),
        ("/org/acme?x=1", "acme", "/?x=1"),
        ("/org/../globex/api/tasks", "..", "/globex/api/tasks"),
        ("/org/ac%6De/api/tasks", "ac%6De", "/api/tasks"),
    ])
    func splits(path: String, key: String, remainder: String) throws {
        let split = try #require(PathTenantPrefix.split(path))
        #expect(split.key == key)
        #expect(split.remainder == remainder)
    }

    @Test(arguments: ["/api/tasks", "/org/", "/org//api/tasks", "/organization/acme/api", "/Org/acme/api/tasks", "/"])
    func ignoresPathsWithoutThePrefix(path: String) {
        #expect(PathTenantPrefix.split(path) == nil)
    }
}
