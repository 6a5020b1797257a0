/// How full a limit is, as the dashboard colours it: amber from 70%, red from 90%.
package enum UsageLevel: String, Hashable, Sendable {
    case normal
    case warning
    case critical
    /// No maximum: shown as ∞.
    case unlimited

    package static let warningFraction = 0.7
    package static let criticalFraction = 0.9

    package init(used: Int64, maximum: Int64?) {
        guard let maximum else {
            self = .unlimited
            return
        }
        guard maximum > 0 else {
            self = used > 0 ? .critical : .normal
            return
        }
        let fraction = Double(used) / Double(maximum)
        self = fraction >= Self.criticalFraction ? .critical : fraction >= Self.warningFraction ? .warning : .normal
    }
}
