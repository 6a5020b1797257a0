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
        // Dot segments and encoded separators are neither decoded nor resolved: the key is what sits before the next `/`.
        ("/org/acme/../globex/api/tasks", "acme", "/../globex/api/tasks"),
        ("/org/acme%2F..%2Fglobex/api/tasks", "acme%2F..%2Fglobex", "/api/tasks"),
        ("/org/%2e%2e/globex/api/tasks", "%2e%2e", "/globex/api/tasks"),
        ("/org/acme?next=/org/globex/api/tasks", "acme", "/?next=/org/globex/api/tasks"),
    ])
    func splits(path: String, key: String, remainder: String) throws {
        let split = try #require(PathTenantPrefix.split(path))
        #expect(split.key == key)
        #expect(split.remainder == remainder)
    }

    @Test(arguments: ["/api/tasks", "/org/", "/org//api/tasks", "/organization/acme/api", "/Org/acme/api/tasks", "/", "//org/globex/api/tasks"])
    func ignoresPathsWithoutThePrefix(path: String) {
        #expect(PathTenantPrefix.split(path) == nil)
    }
}
