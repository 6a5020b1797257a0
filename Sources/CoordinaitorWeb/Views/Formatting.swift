import CoordinaitorDomain
import Foundation

/// Numbers, dates and sizes as the dashboard writes them. Fixed formats (not the server's locale), so pages and their
/// tests read the same everywhere.
enum Formatting {
    static func count(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    static func bytes(_ value: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var amount = Double(value)
        var unit = 0
        while amount >= 1024, unit < units.count - 1 {
            amount /= 1024
            unit += 1
        }
        return unit == 0 ? "\(value) B" : String(format: "%.1f", amount) + " " + units[unit]
    }

    static func amount(_ value: Int64, of metric: UsageMetric) -> String {
        metric == .storageBytes ? self.bytes(value) : self.count(value)
    }

    /// `Tasks per month`, `Storage`: the metric as a heading (storage is written in bytes units beside it).
    static func label(of metric: UsageMetric) -> String {
        let text = metric == .storageBytes ? "storage" : metric.label
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `Custom branding` for `custom_branding`.
    static func label(of feature: Feature) -> String {
        let text = feature == .sso ? "SSO" : feature == .apiAccess ? "API access" : feature.rawValue.replacingOccurrences(of: "_", with: " ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `Professional`.
    static func label(of tier: Tier) -> String { tier.rawValue.prefix(1).uppercased() + tier.rawValue.dropFirst() }

    static func money(cents: Int64) -> String {
        "$" + self.count(cents / 100) + "." + String(format: "%02d", Int(cents.magnitude % 100))
    }

    /// `2026-11-28 14:05 UTC`.
    static func timestamp(_ date: Date) -> String {
        let parts = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    static func day(_ date: Date) -> String { String(self.timestamp(date).prefix(10)) }

    /// `Nov 2026`.
    static func month(_ period: UsagePeriod) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[(period.month - 1) % 12]) \(period.year)"
    }
}

extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()
}
