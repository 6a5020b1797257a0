import CoordinaitorDomain

/// A project as the API shows it.
struct ProjectResponse: Encodable, Sendable {
    var id: String
    var organizationId: String
    var name: String
    var description: String?
    var status: String
    var createdAt: String
    var updatedAt: String

    init(_ project: Project) {
        self.id = project.id.description
        self.organizationId = project.organizationID.description
        self.name = project.name
        self.description = project.description
        self.status = project.status.rawValue
        self.createdAt = Timestamp.format(project.createdAt)
        self.updatedAt = Timestamp.format(project.updatedAt)
    }
}

struct ProjectListResponse: Encodable, Sendable {
    var projects: [ProjectResponse]
    var nextCursor: String?
}

struct CreateProjectRequest: Decodable {
    static let fields: Set<String> = ["name", "description", "status"]
    var draft: NewProject

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.draft = NewProject(
            name: try container.decode(String.self, forKey: "name"),
            description: try container.decodeIfPresent(String.self, forKey: "description"),
            status: try container.decodeChoiceIfPresent(ProjectStatus.self, forKey: "status") ?? .active
        )
    }
}

struct UpdateProjectRequest: Decodable {
    static let fields: Set<String> = ["name", "description", "status"]
    var patch: ProjectPatch

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.patch = ProjectPatch(
            name: try container.decodeNonNullIfPresent(String.self, forKey: "name"),
            description: try container.decodePatch(String.self, forKey: "description"),
            status: try container.decodeChoiceIfPresent(ProjectStatus.self, forKey: "status")
        )
    }
}
