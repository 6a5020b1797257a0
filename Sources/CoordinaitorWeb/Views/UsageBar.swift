import CoordinaitorDomain

/// One limit as a bar: used against maximum, coloured by ``UsageLevel`` (∞ when unlimited).
struct UsageBar: Sendable {
    var metric: String
    var label: String
    var used: Int64
    var maximum: Int64?
    var usedText: String
    var maximumText: String
    /// The maximum as a plain number, or `unlimited`: for scripts and tests reading the page.
    var maximumValue: String
    var level: String
    /// Percent of the bar to fill, 0–100 (an unlimited limit fills nothing).
    var fill: Int
    var percentText: String
    var isMonthly: Bool
    /// The accessible description of the bar.
    var summary: String

    init(_ line: UsageReport.Line) {
        self.metric = line.metric.rawValue
        self.label = Formatting.label(of: line.metric)
        self.used = line.used
        self.maximum = line.maximum
        self.usedText = Formatting.amount(line.used, of: line.metric)
        self.maximumText = line.maximum.map { Formatting.amount($0, of: line.metric) } ?? "∞"
        self.maximumValue = line.maximum.map { "\($0)" } ?? "unlimited"
        self.level = UsageLevel(used: line.used, maximum: line.maximum).rawValue
        let percent = line.percent ?? 0
        self.fill = Int(min(max(percent, 0), 100).rounded(.down))
        self.percentText = line.maximum == nil ? "unlimited" : "\(Int(percent.rounded(.down)))%"
        self.isMonthly = line.metric.kind == .monthly
        self.summary = "\(self.label): \(self.usedText) of \(self.maximumText) (\(self.percentText))"
    }
}
