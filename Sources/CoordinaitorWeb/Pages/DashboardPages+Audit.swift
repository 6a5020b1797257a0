import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Hummingbird

extension DashboardPages {
    struct AuditPage: PageView {
        var chrome: PageChrome
        var listing: AuditListing
    }

    struct StatsPage: PageView {
        var chrome: PageChrome
        var windows: [StatsWindow]
    }

    struct StatsWindow: Sendable {
        var label: String
        var requests: String
        var clientErrors: String
        var serverErrors: String
        var errorRate: String
        var p50: String
        var p95: String
    }

    /// `GET /dashboard/audit`: the organization's audit log, newest first, with filters and paging.
    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        let query = try AuditListing.query(from: request, chain: AuditChain(caller.organization.id))
        let page = try await self.services.auditLog.list(query)
        return try await self.render(.audit, caller: caller, request: request) { chrome in
            AuditPage(chrome: chrome, listing: AuditListing(page, query: query, request: request))
        }
    }

    /// `GET /dashboard/stats`: the organization's own requests, errors and latency, last hour and last day.
    @Sendable func stats(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        let summary = self.services.metrics.statistics.summary(for: caller.organization.id, at: self.services.time.now())
        return try await self.render(.stats, caller: caller, request: request) { chrome in
            StatsPage(chrome: chrome, windows: [Self.window("Last hour", summary.lastHour), Self.window("Last 24 hours", summary.lastDay)])
        }
    }

    private static func window(_ label: String, _ window: RequestStatistics.Window) -> StatsWindow {
        let milliseconds = { (duration: Duration?) -> String in
            guard let duration else { return "–" }
            let (seconds, attoseconds) = duration.components
            return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) ms"
        }
        let percent = Int((window.errorRate * 1000).rounded())
        return StatsWindow(
            label: label,
            requests: Formatting.count(Int64(window.requests)),
            clientErrors: Formatting.count(Int64(window.clientErrors)),
            serverErrors: Formatting.count(Int64(window.serverErrors)),
            errorRate: "\(percent / 10).\(percent % 10)%",
            p50: milliseconds(window.p50),
            p95: milliseconds(window.p95)
        )
    }
}
