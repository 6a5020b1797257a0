import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import Hummingbird

/// The audit log: an organization's own (`/api/organizations/{id}/audit-logs`, owners and admins) and the platform's
/// across organizations (`/api/admin/audit-logs`, super admins).
///
/// Filters: `action` (exact, or a prefix ending in `*`), `actor` (id or email), `actorType`, `result`, `from`/`to`
/// (ISO 8601; `to` exclusive), `limit` and `cursor`. Exports (`/export?format=jsonl|csv`) stream every matching entry,
/// newest first, and need the `audit_export` feature for organizations.
struct AuditController {
    let audit: AuditService
    let trail: AuditTrail
    let authorizer: OrganizationAuthorizer

    func addOrganizationRoutes(to routes: RouteRegistrar<AppRequestContext>) {
        routes.on(.get, ":id/audit-logs", use: self.organizationLog)
        routes.on(.get, ":id/audit-logs/verify", use: self.verifyOrganization)
        routes.on(.get, ":id/audit-logs/export", use: self.exportOrganization)
    }

    func addPlatformRoutes(to routes: RouteRegistrar<AppRequestContext>) {
        routes.on(.get, "audit-logs", use: self.platformLog)
        routes.on(.get, "audit-logs/verify", use: self.verifyPlatform)
        routes.on(.get, "audit-logs/export", use: self.exportPlatform)
    }

    // MARK: An organization's log

    @Sendable func organizationLog(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<AuditPageResponse> {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .readAuditLog)
        let query = try Self.query(request, chain: AuditChain(organization.id), paged: true)
        return JSONResponse(AuditPageResponse(try await self.audit.list(query)))
    }

    @Sendable func verifyOrganization(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<AuditVerificationResponse> {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .readAuditLog)
        return JSONResponse(AuditVerificationResponse(try await self.audit.verify(AuditChain(organization.id))))
    }

    @Sendable func exportOrganization(_ request: Request, context: AppRequestContext) async throws -> Response {
        let organization = try await self.authorizer.authorize(request, context: context, permission: .readAuditLog)
        try organization.plan.require(.auditExport)
        let query = try Self.query(request, chain: AuditChain(organization.id), paged: false)
        return try self.export(request, query: query, filename: "audit-\(organization.subdomain)")
    }

    // MARK: The platform's log

    /// Every chain, or one: `organizationId` names an organization, `organizationId=` (empty) the platform chain.
    @Sendable func platformLog(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<AuditPageResponse> {
        try OrganizationAuthorizer.requireSuperAdmin(context)
        let query = try Self.query(request, chain: try Self.chainParameter(request), paged: true)
        return JSONResponse(AuditPageResponse(try await self.audit.list(query)))
    }

    /// Verifies one chain: the platform's by default, or `organizationId`'s.
    @Sendable func verifyPlatform(_ request: Request, context: AppRequestContext) async throws -> JSONResponse<AuditVerificationResponse> {
        try OrganizationAuthorizer.requireSuperAdmin(context)
        let chain = try Self.chainParameter(request) ?? .platform
        return JSONResponse(AuditVerificationResponse(try await self.audit.verify(chain)))
    }

    @Sendable func exportPlatform(_ request: Request, context: AppRequestContext) async throws -> Response {
        try OrganizationAuthorizer.requireSuperAdmin(context)
        let query = try Self.query(request, chain: try Self.chainParameter(request), paged: false)
        return try self.export(request, query: query, filename: "audit-platform")
    }

    // MARK: Helpers

    private enum ExportFormat: String, CaseIterable {
        case jsonl, csv
    }

    /// Streams every entry matching `query`, a page at a time, so an export of millions of entries needs no more
    /// memory than one page.
    private func export(_ request: Request, query: AuditQuery, filename: String) throws -> Response {
        let format = try QueryReader(request).choice("format", as: ExportFormat.self) ?? .jsonl
        self.trail.record(
            .auditExported, in: query.chain?.organizationID,
            metadata: ["format": format.rawValue, "scope": query.chain.map(\.storageKey) ?? "all", "filters": request.uri.query ?? ""]
        )
        let audit = self.audit
        let body = ResponseBody { writer in
            if format == .csv { try await writer.write(ByteBuffer(string: CSVLine.make(AuditEntryResponse.csvHeader))) }
            var query = query
            query.page = PageRequest(limit: PageRequest.maximumLimit)
            while true {
                let page = try await audit.list(query)
                var buffer = ByteBuffer()
                for entry in page.items {
                    let response = AuditEntryResponse(entry)
                    switch format {
                    case .jsonl:
                        buffer.writeBytes(try JSONCoding.encoder.encode(response))
                        buffer.writeString("\n")
                    case .csv:
                        buffer.writeString(CSVLine.make(response.csvFields))
                    }
                }
                try await writer.write(buffer)
                guard let next = page.nextCursor else { break }
                query.page.after = next
            }
            try await writer.finish(nil)
        }
        let contentType = format == .csv ? "text/csv; charset=utf-8" : "application/x-ndjson"
        return Response(
            status: .ok,
            headers: [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(filename).\(format.rawValue)\""],
            body: body
        )
    }

    private static func query(_ request: Request, chain: AuditChain?, paged: Bool) throws -> AuditQuery {
        let reader = QueryReader(request)
        let from = try reader.time("from")
        let until = try reader.time("to")
        if let from, let until, from >= until {
            throw APIError(
                status: .badRequest, code: "invalid_query_parameter", detail: "Query parameter 'to' must be later than 'from'.", field: "to")
        }
        return AuditQuery(
            chain: chain,
            action: try reader.auditAction("action"),
            actor: try reader.text("actor"),
            actorType: try reader.choice("actorType", as: AuditActor.Kind.self),
            result: try reader.choice("result", as: AuditResult.self),
            from: from,
            until: until,
            page: paged ? try reader.positionPage() : PageRequest(limit: PageRequest.maximumLimit)
        )
    }

    private static func chainParameter(_ request: Request) throws -> AuditChain? {
        guard let raw = request.uri.queryParameters.get("organizationId") else { return nil }
        if raw.isEmpty { return .platform }
        guard let id = OrganizationID(raw) else {
            throw APIError(
                status: .badRequest, code: "invalid_query_parameter",
                detail: "Query parameter 'organizationId': Must be an organization id, or empty for the platform's own log.", field: "organizationId")
        }
        return AuditChain(id)
    }
}
