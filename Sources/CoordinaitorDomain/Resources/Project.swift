import FoundationEssentials

package enum ProjectStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case active, paused, completed, archived
}

/// A body of work inside one organization that tasks can belong to.
package struct Project: Hashable, Sendable {
    package var id: ProjectID
    package var organizationID: OrganizationID
    package var name: String
    package var description: String?
    package var status: ProjectStatus
    package var createdAt: Date
    package var updatedAt: Date

    package init(
        id: ProjectID,
        organizationID: OrganizationID,
        name: String,
        description: String?,
        status: ProjectStatus,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.description = description
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

package struct NewProject: Hashable, Sendable {
    package var name: String
    package var description: String?
    package var status: ProjectStatus

    package init(name: String, description: String? = nil, status: ProjectStatus = .active) {
        self.name = name
        self.description = description
        self.status = status
    }

    package func project(id: ProjectID, in scope: TenantScope, at now: Date) throws(ValidationError) -> Project {
        var collector = ValidationCollector()
        TextRules.checkName(self.name, field: "name", into: &collector)
        TextRules.checkDescription(self.description, into: &collector)
        try collector.throwIfAny()
        return Project(
            id: id,
            organizationID: scope.organizationID,
            name: self.name.trimmed,
            description: self.description,
            status: self.status,
            createdAt: now,
            updatedAt: now
        )
    }
}

/// The fields of a project a client may change.
package struct ProjectPatch: Hashable, Sendable {
    package var name: String?
    package var description: FieldPatch<String>
    package var status: ProjectStatus?

    package init(name: String? = nil, description: FieldPatch<String> = .unchanged, status: ProjectStatus? = nil) {
        self.name = name
        self.description = description
        self.status = status
    }

    package func applied(to project: Project, at now: Date) throws(ValidationError) -> Project {
        var collector = ValidationCollector()
        var updated = project
        if let name {
            TextRules.checkName(name, field: "name", into: &collector)
            updated.name = name.trimmed
        }
        updated.description = self.description.applied(to: project.description)
        TextRules.checkDescription(updated.description, into: &collector)
        if let status { updated.status = status }
        try collector.throwIfAny()
        if updated != project { updated.updatedAt = now }
        return updated
    }
}

package struct ProjectFilter: Hashable, Sendable {
    package var status: ProjectStatus?

    package init(status: ProjectStatus? = nil) {
        self.status = status
    }
}
