import CoordinaitorDomain
import CoordinaitorServices
import Logging

/// Two example organizations, acme and globex, with projects, agents and tasks, for trying the API out.
package enum DemoData {
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
        for blueprint in self.blueprints {
            if let existing = try await services.organizations.find(.slug(blueprint.organization.subdomain)) {
                logger.info("Demo organization already present", metadata: ["organization.subdomain": "\(existing.subdomain)"])
                continue
            }
            let organization = try await services.organizations.create(blueprint.organization)
            let scope = TenantScope(organization)
            var projectIDs: [ProjectID] = []
            for name in blueprint.projects {
                projectIDs.append(try await services.projects.create(in: scope, NewProject(name: name)).id)
            }
            var agentIDs: [AgentID] = []
            for (name, provider, capabilities) in blueprint.agents {
                agentIDs.append(try await services.agents.create(in: scope, NewAgent(name: name, provider: provider, capabilities: capabilities)).id)
            }
            for (index, (title, priority)) in blueprint.tasks.enumerated() {
                let draft = NewTask(
                    title: title,
                    priority: priority,
                    projectID: projectIDs.isEmpty ? nil : projectIDs[index % projectIDs.count],
                    assignedAgentID: index == 0 ? agentIDs.first : nil,
                    input: .object(["seeded": .bool(true)])
                )
                _ = try await services.tasks.create(in: scope, draft)
            }
            logger.info(
                "Seeded demo organization",
                metadata: ["organization.id": "\(organization.id)", "organization.subdomain": "\(organization.subdomain)"]
            )
        }
    }
}
