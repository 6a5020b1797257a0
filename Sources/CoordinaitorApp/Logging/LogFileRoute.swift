/// Which namespaces are also written to which file under `LOG_DIR`; every line goes to the console as well.
package struct LogFileRoute: Hashable, Sendable {
    /// The part of a namespace before the colon: `tenant` takes `tenant:resolve`, `tenant:cache` …
    package var area: String
    package var fileName: String

    package init(area: String, fileName: String) {
        self.area = area
        self.fileName = fileName
    }

    /// Tenant resolution, cache and isolation decisions; organization changes and purges.
    package static let all = [
        LogFileRoute(area: "tenant", fileName: "tenant-isolation.log"),
        LogFileRoute(area: "org", fileName: "organization-service.log"),
    ]

    package func takes(_ namespace: String) -> Bool {
        namespace.hasPrefix(self.area) && namespace.dropFirst(self.area.count).first == ":"
    }
}
