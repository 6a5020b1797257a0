import ArgumentParser
import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices

struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Manage platform super admins.",
        subcommands: [Create.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a super admin, or make an existing account one (its password is replaced)."
        )

        @Option(help: "The account's email.") var email: String
        @Option(help: "The password (at least 10 characters). Prefer --password-stdin on shared machines.") var password: String?
        @Flag(help: "Read the password from standard input.") var passwordStdin = false
        @Option(help: "The name shown for the account.") var name: String = "Platform admin"

        func run() async throws {
            let password: String
            if self.passwordStdin {
                password = (readLine(strippingNewline: true) ?? "")
            } else if let given = self.password {
                password = given
            } else {
                throw ValidationError("Give --password or --password-stdin.")
            }
            let email = self.email
            let name = self.name
            try await self.reportingStartupErrors {
                let configuration = try loadConfiguration()
                let user = try await withCoreServices(configuration: configuration, logger: makeLogger(configuration)) { services in
                    try await services.identities.ensureSuperAdmin(email: email, name: name, password: password)
                }
                print("Super admin \(user.email) (\(user.id)) is ready. Sign in with POST /api/auth/login.")
            }
        }
    }
}
