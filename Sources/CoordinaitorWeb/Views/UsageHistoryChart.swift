import CoordinaitorDomain

/// A bar chart of monthly metrics over the last months, drawn as SVG on the server (no script, no external library).
///
/// One group of bars per month, one bar per metric, each metric scaled to its own busiest month (their magnitudes
/// differ by orders: API calls against tasks), with the figure in each bar's title for screen readers and hovering.
struct UsageHistoryChart: Sendable {
    static let metrics: [UsageMetric] = [.tasksPerMonth, .apiCallsPerMonth, .agentExecutionsPerMonth]

    struct Legend: Sendable {
        var label: String
        var seriesClass: String
    }

    let svg: String
    let legend: [Legend]

    init(history: [UsageReport]) {
        self.legend = Self.metrics.enumerated().map { Legend(label: $0.element.label, seriesClass: "series-\($0.offset)") }
        self.svg = Self.draw(history)
    }

    private static let width = 600
    private static let height = 220
    private static let plotTop = 12
    private static let plotBottom = 190

    private static func draw(_ history: [UsageReport]) -> String {
        let peaks = Self.metrics.map { metric in history.map { $0.line(metric)?.used ?? 0 }.max() ?? 0 }
        let groupWidth = history.isEmpty ? width : width / history.count
        let barWidth = max((groupWidth - 16) / Self.metrics.count, 2)
        let plotHeight = Double(plotBottom - plotTop)
        var svg = """
            <svg class="history-chart" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="history-title" \
            xmlns="http://www.w3.org/2000/svg"><title id="history-title">Monthly usage, last \(history.count) months</title>
            <line class="axis" x1="0" y1="\(plotBottom)" x2="\(width)" y2="\(plotBottom)"/>
            """
        for (monthIndex, report) in history.enumerated() {
            let groupX = monthIndex * groupWidth + 8
            for (seriesIndex, metric) in Self.metrics.enumerated() {
                let used = report.line(metric)?.used ?? 0
                let peak = peaks[seriesIndex]
                let barHeight = peak > 0 ? Int((Double(used) / Double(peak) * plotHeight).rounded()) : 0
                let x = groupX + seriesIndex * barWidth
                let title = "\(metric.label), \(Formatting.month(report.period)): \(Formatting.count(used))"
                svg += """
                    <rect class="bar series-\(seriesIndex)" x="\(x)" y="\(plotBottom - barHeight)" width="\(barWidth - 2)" \
                    height="\(barHeight)" data-metric="\(metric.rawValue)" data-month="\(report.period.key)" data-value="\(used)">\
                    <title>\(Self.escape(title))</title></rect>
                    """
            }
            let labelX = groupX + (barWidth * Self.metrics.count) / 2
            svg += "<text class=\"month\" x=\"\(labelX)\" y=\"\(plotBottom + 18)\" text-anchor=\"middle\">\(Self.escape(Formatting.month(report.period)))</text>"
        }
        return svg + "</svg>"
    }

    /// Text and attribute escaping for the few strings the chart writes.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
