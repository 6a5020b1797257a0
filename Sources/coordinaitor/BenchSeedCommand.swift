import ArgumentParser
import CoordinaitorApp
import CoordinaitorDomain
import Foundation

/// Seeds benchmark organizations (`bench-1` … `bench-N`) into the configured database; used by `scripts/bench`.
struct BenchSeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-seed",
        abstract: "Seed benchmark organizations bench-1…bench-N, each with an owner and tasks (for scripts/bench; never production).",
        discussion: """
            Organizations that exist already are kept, so repeated runs grow the data set. Each owner is \
            owner@bench-N.test with the password '\(BenchmarkSeed.password)'. One tab-separated line per organization \
            created now (number, organization id, subdomain, owner email) is appended to --output.
            """
    )

    @Option(help: "How many organizations should exist when the command ends.") var organizations: Int
    @Option(help: "Tasks created in each new organization, through the bulk path.") var tasks: Int = 1_000
    @Option(help: "Organizations seeded at once (1 suits SQLite; PostgreSQL gains from a few).") var concurrency: Int = 1
    @Option(help: "The file to append the new organizations to.") var output: String

    func validate() throws {
        guard self.organizations >= 0, self.tasks >= 0, self.concurrency >= 1 else {
            throw ValidationError("--organizations and --tasks must be zero or more, --concurrency at least 1.")
        }
    }

    func run() async throws {
        let plan = BenchmarkSeed.Plan(organizations: self.organizations, tasksPerOrganization: self.tasks, concurrency: self.concurrency)
        let output = self.output
        try await self.reportingStartupErrors {
            let configuration = try loadConfiguration()
            let logger = makeLogger(configuration)
            let seeded = try await withCoreServices(configuration: configuration, logger: logger) { services in
                try await BenchmarkSeed.seed(into: services, bcryptCost: configuration.bcryptCost, plan: plan, logger: logger)
            }
            let lines = seeded.map { "\($0.number)\t\($0.organization.id)\t\($0.organization.subdomain)\t\($0.ownerEmail)\n" }.joined()
            // A failure here shows as the open below failing.
            if !FileManager.default.fileExists(atPath: output) { _ = FileManager.default.createFile(atPath: output, contents: nil) }
            guard let handle = FileHandle(forWritingAtPath: output) else { throw FatalStartup(message: "Cannot write \(output).") }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(lines.utf8))
            print("Seeded \(seeded.count) organizations (\(plan.tasksPerOrganization) tasks each); \(plan.organizations) exist.")
        }
    }
}
