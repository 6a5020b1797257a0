import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// `/api/projects`: list, create, get, update and delete the organization's projects.
struct ProjectController {
    let projects: ProjectService
    let body: JSONBodyReader

    func addRoutes(to routes: RouteRegistrar<TenantRequestContext>) {
        routes.on(.get, "projects", use: self.list)
        routes.on(.post, "projects", use: self.create)
        routes.on(.get, "projects/:id", use: self.get)
        routes.on(.patch, "projects/:id", use: self.update)
        routes.on(.delete, "projects/:id", use: self.delete)
    }

    @Sendable func list(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<ProjectListResponse> {
        let query = QueryReader(request)
        let filter = ProjectFilter(status: try query.choice("status", as: ProjectStatus.self))
        let page = try await self.projects.list(in: context.scope, filter: filter, page: try query.page())
        return JSONResponse(ProjectListResponse(projects: page.items.map(ProjectResponse.init), nextCursor: page.nextCursor))
    }

    @Sendable func create(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<ProjectResponse> {
        let input = try await self.body.decode(CreateProjectRequest.self, from: request, allowedFields: CreateProjectRequest.fields)
        let project = try await self.projects.create(in: context.tenant, input.draft)
        return JSONResponse(ProjectResponse(project), status: .created)
    }

    @Sendable func get(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<ProjectResponse> {
        let id = try context.resourceID(ProjectID.self)
        return JSONResponse(ProjectResponse(try await self.projects.get(in: context.scope, id: id)))
    }

    @Sendable func update(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<ProjectResponse> {
        let id = try context.resourceID(ProjectID.self)
        let input = try await self.body.decode(UpdateProjectRequest.self, from: request, allowedFields: UpdateProjectRequest.fields)
        return JSONResponse(ProjectResponse(try await self.projects.update(in: context.scope, id: id, input.patch)))
    }

    @Sendable func delete(_ request: Request, context: TenantRequestContext) async throws -> NoContent {
        try await self.projects.delete(in: context.scope, id: try context.resourceID(ProjectID.self))
        return NoContent()
    }
}
