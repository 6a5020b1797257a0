import FoundationEssentials

/// A UTC calendar month, the period of monthly quotas, written `YYYY-MM`.
package struct UsagePeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let year: Int
    /// 1 to 12.
    package let month: Int

    package init?(year: Int, month: Int) {
        guard (1970...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month that contains `date`, in UTC.
    package init(containing date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let civil = Self.civil(fromDays: days)
        self.year = civil.year
        self.month = civil.month
    }

    /// Parses `YYYY-MM`.
    package init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// `YYYY-MM`, also the period's key in storage.
    package var description: String {
        let month = self.month < 10 ? "0\(self.month)" : "\(self.month)"
        return "\(self.year)-\(month)"
    }

    package var key: String { self.description }

    /// The first instant of the month.
    package var start: Date { Date(timeIntervalSince1970: Double(Self.days(year: self.year, month: self.month)) * 86_400) }

    /// The first instant of the next month: when monthly quotas start again.
    package var end: Date { self.next.start }

    package var next: UsagePeriod {
        self.month == 12 ? UsagePeriod(unchecked: self.year + 1, 1) : UsagePeriod(unchecked: self.year, self.month + 1)
    }

    package var previous: UsagePeriod {
        self.month == 1 ? UsagePeriod(unchecked: self.year - 1, 12) : UsagePeriod(unchecked: self.year, self.month - 1)
    }

    /// This month and the `count - 1` before it, newest first.
    package func recent(_ count: Int) -> [UsagePeriod] {
        var periods: [UsagePeriod] = []
        var period = self
        for _ in 0..<max(count, 0) {
            periods.append(period)
            period = period.previous
        }
        return periods
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    private init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }

    // Howard Hinnant's days-from-civil and its inverse: exact calendar arithmetic without a Calendar or time zone.
    private static func days(year: Int, month: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (year: Int, month: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month)
    }
}
