import CoordinaitorDomain
import Foundation

/// Builders for valid models. Each takes only what a check cares about.
package enum ContractFixtures {
    package static func organization(
        _ slug: String,
        name: String? = nil,
        domain: String? = nil,
        status: OrganizationStatus = .active,
        settings: OrganizationSettings = OrganizationSettings()
    ) -> Organization {
        Organization(
            id: TestIDs.next(),
            name: name ?? slug,
            displayName: "Organization \(slug)",
            subdomain: slug,
            domain: domain,
            tier: .starter,
            status: status,
            contactEmail: "owner@\(slug).example",
            settings: settings,
            createdAt: TestDates.at(1),
            updatedAt: TestDates.at(2),
            createdBy: nil
        )
    }

    package static func project(_ name: String, in organization: Organization, status: ProjectStatus = .active) -> Project {
        Project(
            id: TestIDs.next(),
            organizationID: organization.id,
            name: name,
            description: "About \(name)",
            status: status,
            createdAt: TestDates.at(10),
            updatedAt: TestDates.at(11)
        )
    }

    package static func agent(
        _ name: String,
        in organization: Organization,
        provider: AgentProvider = .claude,
        status: AgentStatus = .idle
    ) -> Agent {
        Agent(
            id: TestIDs.next(),
            organizationID: organization.id,
            name: name,
            provider: provider,
            capabilities: ["code-review", "testing"],
            status: status,
            maxConcurrentTasks: 3,
            createdAt: TestDates.at(20),
            updatedAt: TestDates.at(21)
        )
    }

    package static func task(
        _ title: String,
        in organization: Organization,
        status: TaskStatus = .pending,
        priority: TaskPriority = .medium,
        type: String = WorkTask.defaultType,
        project: Project? = nil,
        agent: Agent? = nil
    ) -> WorkTask {
        WorkTask(
            id: TestIDs.next(),
            organizationID: organization.id,
            title: title,
            description: nil,
            type: type,
            status: status,
            priority: priority,
            projectID: project?.id,
            assignedAgentID: agent?.id,
            input: nil,
            output: nil,
            createdAt: TestDates.at(30),
            updatedAt: TestDates.at(31),
            startedAt: nil,
            completedAt: nil
        )
    }

    /// A bcrypt-shaped hash: `$`, `.` and `/` must come back exactly as written.
    package static let passwordHash = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"

    package static func user(_ email: String, name: String = "Ann Lee", status: UserStatus = .active, isSuperAdmin: Bool = false) -> User {
        User(
            id: TestIDs.next(),
            email: email,
            name: name,
            passwordHash: self.passwordHash,
            status: status,
            isSuperAdmin: isSuperAdmin,
            createdAt: TestDates.at(40),
            updatedAt: TestDates.at(41)
        )
    }

    package static func membership(of user: User, in organization: Organization, role: Role = .member) -> Membership {
        Membership(organizationID: organization.id, userID: user.id, role: role, createdAt: TestDates.at(50), updatedAt: TestDates.at(51))
    }
}
