import ArgumentParser
import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices

struct OrganizationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Manage organizations (tenants) from the command line.",
        subcommands: [Create.self, List.self, SetStatus.self, SetTier.self, Usage.self, Reconcile.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an organization.")

        @Option(help: "Unique slug, such as acme-corp.") var name: String
        @Option(help: "Name shown to people.") var displayName: String
        @Option(help: "Unique subdomain, such as acme.") var subdomain: String
        @Option(help: "Optional custom domain, such as acme.com.") var domain: String?
        @Option(help: "free, starter, professional or enterprise.") var tier: String = "free"
        @Option(help: "Contact email of the organization.") var contactEmail: String

        func run() async throws {
            guard let tier = Tier(rawValue: self.tier) else {
                throw ValidationError("--tier must be one of \(Tier.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let draft = NewOrganization(
                name: self.name,
                displayName: self.displayName,
                subdomain: self.subdomain,
                domain: self.domain,
                tier: tier,
                contactEmail: self.contactEmail
            )
            try await self.reportingStartupErrors {
                let configuration = try loadConfiguration()
                let organization = try await withCoreServices(configuration: configuration, logger: makeLogger(configuration)) { services in
                    try await services.organizations.create(draft)
                }
                print(OrganizationRow(organization))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organizations, newest first.")

        @Option(help: "Only organizations with this status.") var status: String?

        func run() async throws {
            let status = try self.status.map { raw in
                guard let status = OrganizationStatus(rawValue: raw) else {
                    throw ValidationError("--status must be one of \(OrganizationStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                return status
            }
            try await self.reportingStartupErrors {
                let configuration = try loadConfiguration()
                let organizations = try await withCoreServices(configuration: configuration, logger: makeLogger(configuration)) { services in
                    var all: [Organization] = []
                    var page = PageRequest(limit: PageRequest.maximumLimit)
                    while true {
                        let batch = try await services.organizations.list(filter: OrganizationFilter(status: status), page: page)
                        all += batch.items
                        guard let next = batch.nextCursor else { return all }
                        page.after = next
                    }
                }
                organizations.forEach { print(OrganizationRow($0)) }
            }
        }
    }

    struct SetStatus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-status",
            abstract: "Suspend, reactivate or cancel an organization; this node serves the change on the next request."
        )

        @Argument(help: "The organization's id, subdomain or name.") var organization: String
        @Argument(help: "active, suspended, pending or cancelled.") var status: String

        func run() async throws {
            guard let key = TenantKey(identifier: self.organization) else { throw ValidationError("Not an organization id, subdomain or name.") }
            guard let status = OrganizationStatus(rawValue: self.status) else {
                throw ValidationError("status must be one of \(OrganizationStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            try await self.reportingStartupErrors {
                let configuration = try loadConfiguration()
                let organization = try await withCoreServices(configuration: configuration, logger: makeLogger(configuration)) { services in
                    try await services.organizations.setStatus(status, of: key)
                }
                print(OrganizationRow(organization))
            }
        }
    }
}

/// One organization per line: id, subdomain, name, tier, status, domain.
struct OrganizationRow: CustomStringConvertible {
    let organization: Organization

    init(_ organization: Organization) {
        self.organization = organization
    }

    var description: String {
        let organization = self.organization
        return [
            organization.id.description, organization.subdomain, organization.name, organization.tier.rawValue,
            organization.status.rawValue, organization.domain ?? "-",
        ].joined(separator: "\t")
    }
}
