import ArgumentParser
import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending database migrations and exit. Safe to run repeatedly."
    )

    func run() async throws {
        try await self.reportingStartupErrors {
            let configuration = try loadConfiguration()
            let logger = makeLogger(configuration)
            let readiness = try await withCoreServices(configuration: configuration, logger: logger) { services in
                try await services.store.readiness()
            }
            print("Database (\(readiness.backend)) is at schema version \(readiness.appliedVersion) of \(readiness.latestVersion).")
        }
    }
}
