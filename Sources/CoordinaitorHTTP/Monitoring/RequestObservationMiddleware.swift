import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import Hummingbird

/// One finished request, as the audit trail and the metrics see it.
package struct ObservedRequest: Sendable {
    /// The matched route in OpenAPI form (`/api/tasks/{id}`), or nil when no route matched (a 404 for an unknown path).
    package var route: String?
    package var method: String
    /// The request target (path and query) the router saw: after the path strategy took off an `/org/{key}` prefix,
    /// as sent otherwise (a path with dot segments keeps its prefix).
    package var path: String
    package var status: Int
    package var latency: Duration
    package var startedAt: Date
    /// The organization the request was served in or aimed at, when one was resolved or named.
    package var organization: Organization?
    package var actor: AuditActor
    /// The problem code of a refused or failed request (`cross_tenant_access_denied`, `rate_limited` …).
    package var errorCode: String?
    package var requestID: String
    package var ipAddress: String?
    package var userAgent: String?

    /// The route label for metrics and audit: the template, or `unmatched` for paths no route serves.
    package var routeLabel: String { self.route ?? "unmatched" }
}

/// Told about every finished request (the audit trail and the metrics). Called on the request's task after the
/// response is built: it must not wait for I/O.
package protocol RequestObserver: Sendable {
    func requestFinished(_ request: ObservedRequest)
}

/// The outermost middleware: binds the request's ``AuditRequestContext`` (so anything below can attribute audit events
/// to the caller), times the request, and reports it to the observers however it ends.
///
/// The client address is the socket peer's; with `TRUST_PROXY=true` it is the last address of `X-Forwarded-For` (the
/// one our proxy appended; earlier entries are whatever the client sent).
package struct RequestObservationMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext

    private let observers: [any RequestObserver]
    private let trustProxy: Bool
    private let time: any TimeSource

    package init(observers: [any RequestObserver], trustProxy: Bool, time: any TimeSource) {
        self.observers = observers
        self.trustProxy = trustProxy
        self.time = time
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let started = clock.now
        let startedAt = self.time.now()
        let audit = AuditRequestContext(
            requestID: context.id,
            ipAddress: self.clientAddress(request, peer: context.peerAddress),
            userAgent: request.headers[.userAgent].map { String($0.prefix(512)) }
        )
        do {
            let response = try await AuditRequestContext.$current.withValue(audit) {
                try await next(request, context)
            }
            self.report(request, context: context, audit: audit, status: response.status.code, errorCode: nil, since: started, at: startedAt)
            return response
        } catch {
            let problem = error as? APIError
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            self.report(request, context: context, audit: audit, status: status, errorCode: problem?.code, since: started, at: startedAt)
            throw error
        }
    }

    private func report(
        _ request: Request, context: Context, audit: AuditRequestContext, status: Int, errorCode: String?, since started: ContinuousClock.Instant,
        at startedAt: Date
    ) {
        guard !self.observers.isEmpty else { return }
        let observed = ObservedRequest(
            // Hummingbird names the endpoint of an unmatched path "NotFound"; that is no route of ours.
            route: context.endpointPath.flatMap { $0 == "NotFound" ? nil : Self.openAPITemplate($0) },
            method: request.method.rawValue,
            path: request.head.path ?? "",
            status: status,
            latency: ContinuousClock().now - started,
            startedAt: startedAt,
            organization: audit.organization,
            actor: audit.actor,
            errorCode: errorCode,
            requestID: audit.requestID,
            ipAddress: audit.ipAddress,
            userAgent: audit.userAgent
        )
        for observer in self.observers { observer.requestFinished(observed) }
    }

    private func clientAddress(_ request: Request, peer: String?) -> String? {
        if self.trustProxy, let forwarded = request.headers[.xForwardedFor] {
            let last = forwarded.split(separator: ",").last.map { $0.trimmed }
            if let last, !last.isEmpty, last.utf8.count <= 64 { return last }
        }
        return peer
    }

    /// `/api/tasks/:id` (Hummingbird's form) as `/api/tasks/{id}` (the OpenAPI form the route table and docs use).
    static func openAPITemplate(_ path: String) -> String {
        // Most routes have no parameter and are already in that form: skip splitting and joining on every request.
        // One pass over the bytes (`String.contains("//")` runs a Unicode-aware search: a measurable share of a request).
        let slash = UInt8(ascii: "/")
        var previous: UInt8 = 0
        var isTemplate = path.utf8.first == slash && path.utf8.count > 1 && path.utf8.last != slash
        for byte in path.utf8 where isTemplate {
            isTemplate = byte != UInt8(ascii: ":") && !(byte == slash && previous == slash)
            previous = byte
        }
        if isTemplate { return path }
        return "/" + path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }
}
