import CoordinaitorDomain
import CoordinaitorServices
import Hummingbird

/// `/api/tasks/{id}/artifacts`: files agents keep with a task (up to 10 MiB each), counted towards storage.
///
/// Content is sent and returned as raw bytes. Downloads are served as attachments with `nosniff` and a sandboxing
/// CSP, so an uploaded HTML file can never run as a page of this origin.
struct ArtifactController {
    let artifacts: ArtifactService

    func addRoutes(to routes: RouteRegistrar<TenantRequestContext>) {
        routes.on(.get, "tasks/:id/artifacts", use: self.list)
        routes.on(.put, "tasks/:id/artifacts/:name", use: self.put)
        routes.on(.get, "tasks/:id/artifacts/:name", use: self.get)
        routes.on(.delete, "tasks/:id/artifacts/:name", use: self.delete)
    }

    @Sendable func list(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<ArtifactListResponse> {
        let taskID = try context.resourceID(TaskID.self)
        let artifacts = try await self.artifacts.list(in: context.scope, taskID: taskID)
        return JSONResponse(ArtifactListResponse(artifacts: artifacts.map(ArtifactResponse.init)))
    }

    @Sendable func put(_ request: Request, context: TenantRequestContext) async throws -> JSONResponse<ArtifactResponse> {
        let taskID = try context.resourceID(TaskID.self)
        let name = try Self.name(context)
        let buffer = try await request.body.collect(upTo: TaskArtifact.maximumSize)
        let artifact = try await self.artifacts.put(
            in: context.tenant,
            taskID: taskID,
            name: name,
            contentType: request.headers[.contentType],
            content: Array(buffer.readableBytesView)
        )
        return JSONResponse(ArtifactResponse(artifact), status: .created)
    }

    @Sendable func get(_ request: Request, context: TenantRequestContext) async throws -> Response {
        let found = try await self.artifacts.get(in: context.scope, taskID: try context.resourceID(TaskID.self), name: try Self.name(context))
        let headers: HTTPFields = [
            .contentType: found.artifact.contentType,
            .contentDisposition: "attachment; filename=\"\(found.artifact.name.value)\"",
            .eTag: "\"\(found.artifact.sha256)\"",
            .xContentTypeOptions: "nosniff",
            .contentSecurityPolicy: "sandbox; default-src 'none'",
        ]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: found.content)))
    }

    @Sendable func delete(_ request: Request, context: TenantRequestContext) async throws -> NoContent {
        try await self.artifacts.delete(in: context.scope, taskID: try context.resourceID(TaskID.self), name: try Self.name(context))
        return NoContent()
    }

    private static func name(_ context: TenantRequestContext) throws -> ArtifactName {
        try ArtifactName(context.parameters.get("name") ?? "")
    }
}
