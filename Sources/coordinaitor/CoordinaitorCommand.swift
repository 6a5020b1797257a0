import ArgumentParser

@main
struct CoordinaitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coordinaitor",
        abstract: "CoordinAItor: coordinates AI agents' work for many isolated organizations on one server.",
        discussion: "Configuration comes from environment variables; see the README for the full list.",
        subcommands: [ServeCommand.self, MigrateCommand.self, OrganizationCommand.self, AdminCommand.self, BenchSeedCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
