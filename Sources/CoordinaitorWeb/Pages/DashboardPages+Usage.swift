import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Hummingbird

extension DashboardPages {
    struct UsagePage: PageView {
        var chrome: PageChrome
        var period: String
        var capacity: [UsageBar]
        var monthly: [UsageBar]
        var history: UsageHistoryChart
        var months: [MonthRow]
    }

    /// The history as a table too: the chart's figures for screen readers and for copying.
    struct MonthRow: Sendable {
        var month: String
        var tasks: String
        var apiCalls: String
        var agentExecutions: String
    }

    static let historyMonths = 6

    /// `GET /dashboard/usage`: a bar per limit (amber from 70%, red from 90%, ∞ unlimited) and six months of history.
    @Sendable func usage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try DashboardCaller(context)
        let history = try await self.services.usage.history(for: caller.organization, months: Self.historyMonths)
        let current = try await self.services.usage.report(for: caller.organization)
        let bars = current.lines.map(UsageBar.init)
        return try await self.render(.usage, caller: caller, request: request) { chrome in
            UsagePage(
                chrome: chrome,
                period: Formatting.month(current.period),
                capacity: bars.filter { !$0.isMonthly },
                monthly: bars.filter(\.isMonthly),
                history: UsageHistoryChart(history: history),
                months: history.map { report in
                    let figure = { (metric: UsageMetric) in Formatting.count(report.line(metric)?.used ?? 0) }
                    return MonthRow(
                        month: Formatting.month(report.period),
                        tasks: figure(.tasksPerMonth),
                        apiCalls: figure(.apiCallsPerMonth),
                        agentExecutions: figure(.agentExecutionsPerMonth)
                    )
                }
            )
        }
    }
}
