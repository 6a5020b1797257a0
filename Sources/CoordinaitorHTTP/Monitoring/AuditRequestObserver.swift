import CoordinaitorDomain
import CoordinaitorServices

/// Records every API request in the audit log (`api.request`), and the refusals that are access decisions
/// (`access.unauthenticated`, `access.tenant_unresolved`, `access.inactive_tenant`, `access.permission_denied`,
/// `access.feature_denied`, `access.rate_limited`). Cross-tenant refusals and super-admin crossings are recorded where
/// they are decided, with the organization that was targeted; limit refusals by the usage service, with the limit.
///
/// Only routes under `/api` are recorded: health checks, the OpenAPI document and metrics scrapes are not API calls.
/// The exception is a path refused for its dot segments (`access.invalid_path`), recorded whatever it was aimed at.
/// Queuing is in memory; ``AuditWriter`` writes in batches off the request path.
package struct AuditRequestObserver: RequestObserver {
    private let trail: AuditTrail
    private let recordsAPIRequests: Bool

    /// - Parameter recordsAPIRequests: record an `api.request` entry per call (`AUDIT_API_REQUESTS`); access refusals
    ///   are recorded either way.
    package init(trail: AuditTrail, recordsAPIRequests: Bool = true) {
        self.trail = trail
        self.recordsAPIRequests = recordsAPIRequests
    }

    package func requestFinished(_ request: ObservedRequest) {
        guard let route = request.route, route.hasPrefix("/api/") else {
            if request.errorCode == DotSegmentMiddleware<AppRequestContext>.problemCode { self.recordInvalidPath(request) }
            return
        }
        // Without per-call entries, only refusals are recorded: skip building an event for the rest.
        guard self.recordsAPIRequests || request.errorCode != nil else { return }
        let organization = request.organization?.id
        let result = Self.result(status: request.status)
        let latencyMilliseconds = Double(request.latency.components.attoseconds) / 1e15 + Double(request.latency.components.seconds) * 1000
        var metadata = [
            "method": request.method,
            "route": route,
            "status": String(request.status),
            "latencyMs": String(format3: latencyMilliseconds),
        ]
        if let code = request.errorCode { metadata["error"] = code }
        let target = AuditTarget(type: "route", id: "\(request.method) \(route)")
        if self.recordsAPIRequests {
            self.trail.record(self.event(.apiRequest, in: organization, target: target, result: result, request: request, metadata: metadata))
        }

        guard let code = request.errorCode, let action = Self.accessAction(forProblem: code) else { return }
        let accessMetadata = ["method": request.method, "route": route, "error": code]
        self.trail.record(self.event(action, in: organization, target: target, result: .denied, request: request, metadata: accessMetadata))
    }

    /// A path with dot segments matches no route, or matches one by accident (`/api/tasks/..`): the route label would
    /// say little, so the entry keeps the path as sent (truncated), in the platform's log.
    private func recordInvalidPath(_ request: ObservedRequest) {
        let path = String(request.path.prefix(512))
        let metadata = ["method": request.method, "path": path, "error": DotSegmentMiddleware<AppRequestContext>.problemCode]
        let target = AuditTarget(type: "route", id: "\(request.method) \(request.routeLabel)")
        self.trail.record(self.event(.invalidPath, in: nil, target: target, result: .denied, request: request, metadata: metadata))
    }

    /// The access event a refused request's problem code stands for, if it is one.
    static func accessAction(forProblem code: String) -> AuditAction? {
        switch code {
        case "authentication_required", "invalid_credential": .unauthenticated
        case "tenant_not_found", "invalid_tenant_id", "tenant_header_required": .tenantUnresolved
        case "tenant_inactive": .inactiveTenant
        case "invalid_path": .invalidPath
        case "permission_denied", "user_required", "super_admin_required", "tier_requires_super_admin": .permissionDenied
        case "feature_not_available": .featureDenied
        case "rate_limited": .rateLimited
        default: nil
        }
    }

    /// 2xx and 3xx succeeded; refusals of who may do what (401, 403, 429) were denied; anything else failed.
    static func result(status: Int) -> AuditResult {
        switch status {
        case ..<400: .success
        case 401, 403, 429: .denied
        default: .failure
        }
    }

    private func event(
        _ action: AuditAction, in organization: OrganizationID?, target: AuditTarget, result: AuditResult, request: ObservedRequest,
        metadata: [String: String]
    ) -> AuditEvent {
        AuditEvent(
            id: self.trail.makeEventID(),
            organizationID: organization,
            occurredAt: request.startedAt,
            actor: request.actor,
            action: action,
            target: target,
            result: result,
            ipAddress: request.ipAddress,
            userAgent: request.userAgent,
            requestID: request.requestID,
            metadata: metadata
        )
    }
}

extension String {
    /// A number with three decimals, without Foundation's locale-dependent formatting.
    fileprivate init(format3 value: Double) {
        let thousandths = Int64((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        self = "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
