import ArgumentParser
import CoordinaitorApp
import Hummingbird

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP server (migrating the database first)."
    )

    @Option(help: "Address to listen on; overrides HOST.")
    var host: String?

    @Option(help: "Port to listen on; overrides PORT.")
    var port: Int?

    @Flag(help: "Seed the demo organizations acme and globex (with projects, agents and tasks) if they are missing.")
    var demo = false

    func run() async throws {
        try await self.reportingStartupErrors {
            var configuration = try loadConfiguration()
            if let host { configuration.host = host }
            if let port { configuration.port = port }
            let logger = makeLogger(configuration, console: .standardOutput)
            let app = try await buildApplication(configuration: configuration, logger: logger, seedsDemoData: self.demo)
            if self.demo { DemoGuide.print(configuration) }
            try await app.runService()
            ProcessLogging.flush()
        }
    }
}
