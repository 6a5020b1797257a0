import CoordinaitorDomain
import PostgresNIO

extension Organization {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "organizations")
        self.init(
            id: try reader.id("id"),
            name: try reader.string("name"),
            displayName: try reader.string("display_name"),
            subdomain: try reader.string("subdomain"),
            domain: try reader.optionalString("domain"),
            tier: try reader.value("tier"),
            status: try reader.value("status"),
            contactEmail: try reader.string("contact_email"),
            settings: try reader.json("settings"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at"),
            createdBy: try reader.optionalID("created_by"),
            planOverrides: try reader.json("plan_overrides")
        )
    }
}

extension Project {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "projects")
        self.init(
            id: try reader.id("id"),
            organizationID: try reader.id("organization_id"),
            name: try reader.string("name"),
            description: try reader.optionalString("description"),
            status: try reader.value("status"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at")
        )
    }
}

extension Agent {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "agents")
        self.init(
            id: try reader.id("id"),
            organizationID: try reader.id("organization_id"),
            name: try reader.string("name"),
            provider: try reader.value("provider"),
            capabilities: try reader.json("capabilities"),
            status: try reader.value("status"),
            maxConcurrentTasks: try reader.int("max_concurrent_tasks"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at")
        )
    }
}

extension WorkTask {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "tasks")
        self.init(
            id: try reader.id("id"),
            organizationID: try reader.id("organization_id"),
            title: try reader.string("title"),
            description: try reader.optionalString("description"),
            type: try reader.string("type"),
            status: try reader.value("status"),
            priority: try reader.value("priority"),
            projectID: try reader.optionalID("project_id"),
            assignedAgentID: try reader.optionalID("assigned_agent_id"),
            inputJSON: try reader.optionalRawJSON("input"),
            outputJSON: try reader.optionalRawJSON("output"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at"),
            startedAt: try reader.optionalDate("started_at"),
            completedAt: try reader.optionalDate("completed_at")
        )
    }
}

extension User {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "users")
        self.init(
            id: try reader.id("id"),
            email: try reader.string("email"),
            name: try reader.string("name"),
            passwordHash: try reader.string("password_hash"),
            status: try reader.value("status"),
            isSuperAdmin: try reader.bool("is_super_admin"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at")
        )
    }
}

extension Membership {
    init(postgresRow row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "memberships")
        self.init(
            organizationID: try reader.id("organization_id"),
            userID: try reader.id("user_id"),
            role: try reader.value("role"),
            createdAt: try reader.date("created_at"),
            updatedAt: try reader.date("updated_at")
        )
    }
}
