import CoordinaitorDomain
import Foundation
import Testing

@testable import CoordinaitorWeb

@Suite("Usage bars and the history chart")
struct UsageViewsTests {
    private func line(_ metric: UsageMetric, used: Int64, maximum: Int64?) -> UsageReport.Line {
        UsageReport.Line(metric: metric, used: used, maximum: maximum)
    }

    @Test("bars turn amber at 70% and red at 90%, and show ∞ when unlimited", arguments: [
        (Int64(0), Int64?(10), "normal", 0),
        (6, 10, "normal", 60),
        (7, 10, "warning", 70),
        (8, 10, "warning", 80),
        (9, 10, "critical", 90),
        (12, 10, "critical", 100),
        (5, nil, "unlimited", 0),
        (1, 0, "critical", 100),
    ])
    func levels(used: Int64, maximum: Int64?, level: String, fill: Int) {
        let bar = UsageBar(self.line(.projects, used: used, maximum: maximum))
        #expect(bar.level == level)
        #expect(bar.fill == fill)
        #expect(bar.maximumText == (maximum.map { Formatting.count($0) } ?? "∞"))
    }

    @Test("storage is written in binary units and counts with separators")
    func formatting() {
        #expect(UsageBar(self.line(.storageBytes, used: 3 << 20, maximum: 1 << 30)).usedText == "3.0 MiB")
        #expect(UsageBar(self.line(.tasksPerMonth, used: 1_234_567, maximum: nil)).usedText == "1,234,567")
        #expect(Formatting.money(cents: 123_456) == "$1,234.56")
        #expect(Formatting.money(cents: 5) == "$0.05")
    }

    @Test("the chart has a bar per month and metric, scaled to each metric's busiest month")
    func chart() throws {
        let plan = EffectivePlan(tier: .starter)
        var period = try #require(UsagePeriod(year: 2026, month: 6))
        var history: [UsageReport] = []
        for month in 0..<6 {
            history.append(UsageReport(period: period, plan: plan, counters: [.tasksPerMonth: Int64(month * 10), .apiCallsPerMonth: 5_000]))
            period = period.next
        }
        let chart = UsageHistoryChart(history: history)
        #expect(chart.svg.components(separatedBy: "<rect class=\"bar").count - 1 == 18)
        // The busiest month of tasks (50) fills the plot; the first month (0) draws nothing.
        #expect(chart.svg.contains("data-metric=\"tasksPerMonth\" data-month=\"2026-11\" data-value=\"50\""))
        #expect(chart.svg.contains("height=\"178\" data-metric=\"tasksPerMonth\" data-month=\"2026-11\""))
        #expect(chart.svg.contains("height=\"0\" data-metric=\"tasksPerMonth\" data-month=\"2026-06\""))
        #expect(chart.svg.contains(">Nov 2026</text>"))
        #expect(UsageHistoryChart.escape("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
    }
}
