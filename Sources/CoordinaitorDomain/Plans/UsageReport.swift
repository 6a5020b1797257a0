/// How an organization stands against each limit of its plan: pure arithmetic over counters read from storage.
package struct UsageReport: Hashable, Sendable {
    /// Share of a limit at which a warning is raised.
    package static let warningThreshold = 0.8

    package struct Line: Hashable, Sendable {
        package var metric: UsageMetric
        package var used: Int64
        /// nil when unlimited.
        package var maximum: Int64?

        package init(metric: UsageMetric, used: Int64, maximum: Int64?) {
            self.metric = metric
            self.used = used
            self.maximum = maximum
        }

        package var remaining: Int64? { self.maximum.map { max($0 - self.used, 0) } }

        /// Percent of the maximum used, rounded down to one decimal; nil when unlimited. A zero maximum (a feature the
        /// tier lacks, such as webhooks on free) reads 0 while nothing is used and 100 otherwise.
        package var percent: Double? {
            guard let maximum else { return nil }
            guard maximum > 0 else { return self.used > 0 ? 100 : 0 }
            return (Double(self.used) * 1000 / Double(maximum)).rounded(.down) / 10
        }

        /// At or over 80% of a positive maximum.
        package var isWarning: Bool {
            guard let maximum, maximum > 0 else { return false }
            return Double(self.used) >= Double(maximum) * UsageReport.warningThreshold
        }

        /// Over the maximum (possible after a downgrade or an override lowered it).
        package var isViolation: Bool { self.maximum.map { self.used > $0 } ?? false }
    }

    package var period: UsagePeriod
    package var tier: Tier
    package var lines: [Line]

    package init(period: UsagePeriod, plan: EffectivePlan, counters: [UsageMetric: Int64]) {
        self.period = period
        self.tier = plan.tier
        self.lines = UsageMetric.allCases.map { Line(metric: $0, used: counters[$0] ?? 0, maximum: plan.limit($0)) }
    }

    package var warnings: [Line] { self.lines.filter(\.isWarning) }
    package var violations: [Line] { self.lines.filter(\.isViolation) }
    package var withinLimits: Bool { self.violations.isEmpty }

    package func line(_ metric: UsageMetric) -> Line? { self.lines.first { $0.metric == metric } }
}
