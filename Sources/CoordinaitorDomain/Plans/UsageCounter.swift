/// One stored counter row: a metric of an organization for a month (`YYYY-MM`) or, for capacities, `current`.
package struct UsageCounter: Hashable, Sendable {
    package var metric: UsageMetric
    package var period: String
    package var used: Int64

    package init(metric: UsageMetric, period: String, used: Int64) {
        self.metric = metric
        self.period = period
        self.used = used
    }
}

/// Turns an organization's counter rows into the figures of a month.
package enum UsageCounters {
    /// Monthly metrics: that month's row. Capacities: the `current` row for the current month; for a past month, the
    /// value at that month's last change (its own row, or the latest earlier month's), 0 before any.
    package static func figures(of rows: [UsageCounter], for period: UsagePeriod, current: UsagePeriod) -> [UsageMetric: Int64] {
        var figures: [UsageMetric: Int64] = [:]
        for metric in UsageMetric.allCases {
            let ofMetric = rows.filter { $0.metric == metric }
            switch metric.kind {
            case .monthly:
                figures[metric] = ofMetric.first { $0.period == period.key }?.used ?? 0
            case .capacity where period >= current:
                figures[metric] = ofMetric.first { $0.period == UsageCounterPeriod.current }?.used ?? 0
            case .capacity:
                let latest = ofMetric
                    .compactMap { row in UsagePeriod(row.period).map { (period: $0, used: row.used) } }
                    .filter { $0.period <= period }
                    .max { $0.period < $1.period }
                figures[metric] = latest?.used ?? 0
            }
        }
        return figures
    }
}
