import CoordinaitorDomain
import CoordinaitorServices
import Logging

/// Two example organizations, acme and globex, with projects, agents and tasks, for trying the API out.
package enum DemoData {
    /// The password of every demo account; printed by `serve --demo`. Demo data is for trying things out, never production.
    package static let password = "demo-password"
    /// A super admin who may act in every organization.
    package static let superAdminEmail = "root@coordinaitor.test"
    /// Each demo organization has one account per role: `owner@acme.test`, `admin@acme.test`, …
    package static let roles: [Role] = [.owner, .admin, .member, .viewer, .billing]

    struct Blueprint {
        var organization: NewOrganization
        var projects: [String]
        var agents: [(String, AgentProvider, [String])]
        var tasks: [(String, TaskPriority)]
    }

    static let blueprints = [
        Blueprint(
            organization: NewOrganization(
                name: "acme-corp",
                displayName: "Acme Corporation",
                subdomain: "acme",
                domain: "acme.test",
                tier: .professional,
                contactEmail: "admin@acme.test"
            ),
            projects: ["Rocket skates", "Anvil delivery"],
            agents: [("Claude reviewer", .claude, ["code-review"]), ("GPT planner", .gpt, ["planning"])],
            tasks: [("Review the skate firmware", .high), ("Plan the anvil route", .medium), ("Write the launch notes", .low)]
        ),
        Blueprint(
            organization: NewOrganization(
                name: "globex",
                displayName: "Globex Inc.",
                subdomain: "globex",
                domain: "globex.test",
                tier: .starter,
                contactEmail: "admin@globex.test"
            ),
            projects: ["Doomsday device"],
            agents: [("Gemini analyst", .gemini, ["analysis"])],
            tasks: [("Audit the volcano lair", .critical), ("Summarize the board minutes", .medium)]
        ),
    ]

    /// Creates the demo organizations that do not exist yet; existing ones are left as they are.
    package static func seed(into services: CoreServices, logger: Logger) async throws {
        _ = try await services.identities.ensureSuperAdmin(email: self.superAdminEmail, name: "Platform admin", password: self.password)
        for blueprint in self.blueprints {
            if let existing = try await services.organizations.find(.slug(blueprint.organization.subdomain)) {
                logger.info("Demo organization already present", metadata: ["organization.subdomain": "\(existing.subdomain)"])
                continue
            }
            let domain = blueprint.organization.domain ?? blueprint.organization.subdomain
            var accounts: [Role: User] = [:]
            for role in self.roles {
                let email = "\(role.rawValue)@\(domain)"
                if let existing = try await services.identities.find(email: email) {
                    accounts[role] = existing
                } else {
                    let name = "\(blueprint.organization.displayName) \(role.rawValue)"
                    accounts[role] = try await services.identities.signUp(email: email, name: name, password: self.password)
                }
            }
            let organization = try await services.organizations.create(blueprint.organization, owner: accounts[.owner]?.id)
            for (role, user) in accounts where role != .owner {
                _ = try await services.identities.addMember(user.id, to: organization, role: role)
            }
            var projectIDs: [ProjectID] = []
            for name in blueprint.projects {
                projectIDs.append(try await services.projects.create(in: organization, NewProject(name: name)).id)
            }
            var agentIDs: [AgentID] = []
            for (name, provider, capabilities) in blueprint.agents {
                agentIDs.append(try await services.agents.create(in: organization, NewAgent(name: name, provider: provider, capabilities: capabilities)).id)
            }
            for (index, (title, priority)) in blueprint.tasks.enumerated() {
                let draft = NewTask(
                    title: title,
                    priority: priority,
                    projectID: projectIDs.isEmpty ? nil : projectIDs[index % projectIDs.count],
                    assignedAgentID: index == 0 ? agentIDs.first : nil,
                    input: .object(["seeded": .bool(true)])
                )
                _ = try await services.tasks.create(in: organization, draft)
            }
            logger.info(
                "Seeded demo organization",
                metadata: ["organization.id": "\(organization.id)", "organization.subdomain": "\(organization.subdomain)"]
            )
        }
    }
}
