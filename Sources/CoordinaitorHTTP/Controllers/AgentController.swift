import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// `/api/agents`: list, create, get, update and delete the organization's agents.
struct AgentController {
    let agents: AgentService
    let body: JSONBodyReader

    func addRoutes(to routes: RouteRegistrar<TenantRequestContext>) {
        routes.on(.get, "agents", use: self.list)
        routes.on(.post, "agents", use: self.create)
        routes.on(.get, "agents/:id", use: self.get)
        routes.on(.patch, "agents/:id", use: self.update)
        routes.on(.delete, "agents/:id", use: self.delete)
    }

    @Sendable func list(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<AgentListResponse> {
        let query = QueryReader(request)
        let filter = AgentFilter(
            status: try query.choice("status", as: AgentStatus.self),
            provider: try query.choice("provider", as: AgentProvider.self)
        )
        let page = try await self.agents.list(in: context.scope, filter: filter, page: try query.page())
        return JSONResponse(AgentListResponse(agents: page.items.map(AgentResponse.init), nextCursor: page.nextCursor))
    }

    @Sendable func create(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<AgentResponse> {
        let input = try await self.body.decode(CreateAgentRequest.self, from: request, allowedFields: CreateAgentRequest.fields)
        let agent = try await self.agents.create(in: context.tenant, input.draft)
        return JSONResponse(AgentResponse(agent), status: .created)
    }

    @Sendable func get(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<AgentResponse> {
        let id = try context.resourceID(AgentID.self)
        return JSONResponse(AgentResponse(try await self.agents.get(in: context.scope, id: id)))
    }

    @Sendable func update(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<AgentResponse> {
        let id = try context.resourceID(AgentID.self)
        let input = try await self.body.decode(UpdateAgentRequest.self, from: request, allowedFields: UpdateAgentRequest.fields)
        return JSONResponse(AgentResponse(try await self.agents.update(in: context.scope, id: id, input.patch)))
    }

    @Sendable func delete(_ request: Request, context: TenantRequestContext) async throws -> NoContent {
        try await self.agents.delete(in: context.scope, id: try context.resourceID(AgentID.self))
        return NoContent()
    }
}
