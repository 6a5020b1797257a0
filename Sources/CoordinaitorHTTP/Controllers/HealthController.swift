import CoordinaitorDomain
import Hummingbird
import Logging

/// Central routes that need no tenant: liveness, readiness and the OpenAPI document.
struct HealthController {
    let store: any DataStore

    func addRoutes(to routes: RouteRegistrar<AppRequestContext>) {
        routes.on(.get, "health", use: self.health)
        routes.on(.get, "ready", use: self.ready)
        routes.on(.get, "openapi.json", use: self.openAPI)
    }

    struct HealthResponse: Encodable, Sendable {
        var status: String
    }

    struct ReadinessResponse: Encodable, Sendable {
        var status: String
        var database: String
        var schemaVersion: Int?
        var latestSchemaVersion: Int?
    }

    /// The process is up. Deliberately touches nothing else, so it is the ceiling of what the server can serve.
    @Sendable func health(_ request: Request, context: AppRequestContext) -> JSONResponse<HealthResponse> {
        JSONResponse(HealthResponse(status: "ok"))
    }

    /// The database answers and its schema is current; 503 otherwise, so a load balancer stops sending traffic.
    @Sendable func ready(_ request: Request, context: AppRequestContext) async -> JSONResponse<ReadinessResponse> {
        do {
            let readiness = try await self.store.readiness()
            let body = ReadinessResponse(
                status: readiness.migrationsCurrent ? "ready" : "migrations_pending",
                database: readiness.backend,
                schemaVersion: readiness.appliedVersion,
                latestSchemaVersion: readiness.latestVersion
            )
            return JSONResponse(body, status: readiness.migrationsCurrent ? .ok : .serviceUnavailable)
        } catch {
            context.logger.warning("Readiness check failed", metadata: ["error": "\(String(reflecting: error))"])
            return JSONResponse(ReadinessResponse(status: "unavailable", database: "unreachable"), status: .serviceUnavailable)
        }
    }

    @Sendable func openAPI(_ request: Request, context: AppRequestContext) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json))
        )
    }
}
