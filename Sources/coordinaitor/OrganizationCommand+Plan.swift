import ArgumentParser
import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices

extension OrganizationCommand {
    struct Usage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an organization's usage against its limits for a month.")

        @Argument(help: "The organization's id, subdomain or name.") var organization: String
        @Option(help: "The month, written YYYY-MM (default: the current one).") var period: String?

        func run() async throws {
            guard let key = TenantKey(identifier: self.organization) else { throw ValidationError("Not an organization id, subdomain or name.") }
            let period = try self.period.map { raw in
                guard let period = UsagePeriod(raw) else { throw ValidationError("--period must be written YYYY-MM.") }
                return period
            }
            try await self.reportingStartupErrors {
                let configuration = try loadConfiguration()
                let report = try await withCoreServices(configuration: configuration, logger: makeLogger(configuration)) { services in
                    let organization = try await services.organizations.require(key, named: self.organization)
                    return try await services.usage.report(for: organization, period: period)
                }
                print("\(report.tier.rawValue) tier, \(report.period)")
                for line in report.lines {
                    let maximum = line.maximum.map(String.init) ?? "unlimited"
                    let flag = line.isViolation ? "  over the limit" : line.isWarning ? "  at 80% or more" : ""
                    print("\(line.metric.rawValue)\t\(line.used)\t\(maximum)\(flag)")
                }
            }
        }
    }

    struct SetTier: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-tier",
            abstract: "Change an organization's tier; this node applies it on the next request, others within TENANT_CACHE_TTL."
        )

        @Argument(help: "The organization's id, subdomain or name.") var organization: String
        @Argument(help: "free, starter, professional or enterprise.") var tier: String

        func run() async throws {
            guard let key = TenantKey(identifier: self.organization) else { throw ValidationError("Not an organization id, subdomain or name.") }
            guard let tier = Tier(rawValue: self.tier) else {
                throw ValidationError("tier must be one of \(Tier.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            try await self.reportingStartupErrors {
                let configuration = try loadConfiguration()
                let organization = try await withCoreServices(configuration: configuration, logger: makeLogger(configuration)) { services in
                    let organization = try await services.organizations.require(key, named: self.organization)
                    return try await services.organizations.update(organization.id) { current in
                        var changed = current
                        changed.tier = tier
                        return changed
                    }
                }
                print(OrganizationRow(organization))
            }
        }
    }

    struct Reconcile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an organization's capacity counters (members, projects, agents, webhooks, storage) to a recount of its rows."
        )

        @Argument(help: "The organization's id, subdomain or name.") var organization: String

        func run() async throws {
            guard let key = TenantKey(identifier: self.organization) else { throw ValidationError("Not an organization id, subdomain or name.") }
            try await self.reportingStartupErrors {
                let configuration = try loadConfiguration()
                let (before, after) = try await withCoreServices(configuration: configuration, logger: makeLogger(configuration)) { services in
                    let organization = try await services.organizations.require(key, named: self.organization)
                    return try await services.usage.reconcile(organization)
                }
                for (metric, value) in after.sorted(by: { $0.key < $1.key }) {
                    let previous = before[metric] ?? 0
                    print("\(metric.rawValue)\t\(previous) -> \(value)\(previous == value ? "" : "  repaired")")
                }
            }
        }
    }
}

extension OrganizationService {
    /// The organization `key` names, or a command-line error quoting what was typed.
    fileprivate func require(_ key: TenantKey, named typed: String) async throws -> Organization {
        guard let organization = try await self.find(key) else { throw ValidationError("No organization is named '\(typed)'.") }
        return organization
    }
}
