import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// `/api/tasks`: list, create, get, update and delete the organization's tasks.
struct TaskController {
    let tasks: TaskService
    let body: JSONBodyReader

    func addRoutes(to routes: RouteRegistrar<TenantRequestContext>) {
        routes.on(.get, "tasks", use: self.list)
        routes.on(.post, "tasks", use: self.create)
        routes.on(.get, "tasks/:id", use: self.get)
        routes.on(.patch, "tasks/:id", use: self.update)
        routes.on(.delete, "tasks/:id", use: self.delete)
    }

    @Sendable func list(_ request: Request, context: TenantRequestContext) async throws -> RenderedJSONResponse {
        let query = QueryReader(request)
        let filter = TaskFilter(
            status: try query.choice("status", as: TaskStatus.self),
            priority: try query.choice("priority", as: TaskPriority.self),
            type: try query.token("type"),
            projectID: try query.id("projectId", as: ProjectID.self),
            assignedAgentID: try query.id("assignedAgentId", as: AgentID.self)
        )
        // Kept and sent again until the organization's tasks change: agents poll the same pages (see TaskListCache).
        let body = try await self.tasks.renderedList(in: context.scope, filter: filter, page: try query.page()) { page in
            TaskListResponse(tasks: page.items.map(TaskResponse.init), nextCursor: page.nextCursor).renderedJSON()
        }
        return RenderedJSONResponse(body)
    }

    @Sendable func create(_ request: Request, context: TenantRequestContext) async throws -> WrittenJSONResponse<TaskResponse> {
        let input = try await self.body.decode(CreateTaskRequest.self, from: request, allowedFields: CreateTaskRequest.fields)
        let task = try await self.tasks.create(in: context.tenant, input.draft)
        return WrittenJSONResponse(TaskResponse(task), status: .created)
    }

    @Sendable func get(_ request: Request, context: TenantRequestContext) async throws -> WrittenJSONResponse<TaskResponse> {
        let id = try context.resourceID(TaskID.self)
        return WrittenJSONResponse(TaskResponse(try await self.tasks.get(in: context.scope, id: id)))
    }

    @Sendable func update(_ request: Request, context: TenantRequestContext) async throws -> WrittenJSONResponse<TaskResponse> {
        let id = try context.resourceID(TaskID.self)
        let input = try await self.body.decode(UpdateTaskRequest.self, from: request, allowedFields: UpdateTaskRequest.fields)
        return WrittenJSONResponse(TaskResponse(try await self.tasks.update(in: context.tenant, id: id, input.patch)))
    }

    @Sendable func delete(_ request: Request, context: TenantRequestContext) async throws -> NoContent {
        try await self.tasks.delete(in: context.scope, id: try context.resourceID(TaskID.self))
        return NoContent()
    }
}
