import CoordinaitorDomain
import SQLiteNIO

/// Applies usage charges inside the caller's write transaction: the limit check and the increment are one conditional
/// upsert, so with the single writer no two transactions can both take the last slot.
enum SQLiteUsageLedger {
    private static let consumeSQL = """
        INSERT INTO usage_counters (organization_id, metric, period, used) VALUES (?, ?, ?, ?)
        ON CONFLICT (organization_id, metric, period) DO UPDATE SET used = usage_counters.used + excluded.used
        WHERE usage_counters.used + excluded.used <= ?
        RETURNING used
        """

    private static let adjustSQL = """
        INSERT INTO usage_counters (organization_id, metric, period, used) VALUES (?, ?, ?, ?)
        ON CONFLICT (organization_id, metric, period) DO UPDATE SET used = MAX(usage_counters.used + ?, 0)
        RETURNING used
        """

    private static let snapshotSQL = """
        INSERT INTO usage_counters (organization_id, metric, period, used) VALUES (?, ?, ?, ?)
        ON CONFLICT (organization_id, metric, period) DO UPDATE SET used = excluded.used
        """

    private static let readSQL = "SELECT used FROM usage_counters WHERE organization_id = ? AND metric = ? AND period = ?"

    /// Applies every charge or throws ``UsageLimitReachedError`` for the first that does not fit (the caller's
    /// transaction then rolls back, taking the earlier charges with it).
    static func apply(_ charges: [UsageCharge], limits: UsageLimits, in scope: TenantScope, transaction: SQLiteTransaction) throws {
        let organization = SQLiteData.id(scope.organizationID)
        // In metric order, like the PostgreSQL ledger, so that every writer touches counter rows in the same order.
        for charge in charges.sorted(by: { $0.metric < $1.metric }) where charge.amount != 0 {
            let metric = SQLiteData.text(charge.metric.storageKey)
            let period = SQLiteData.text(limits.counterPeriod(for: charge.metric))
            let newValue: Int64
            if charge.amount > 0, let maximum = limits.maximum(charge.metric) {
                let rows = charge.amount > maximum
                    ? []
                    : try transaction.query(
                        Self.consumeSQL, [organization, metric, period, .integer(Int(charge.amount)), .integer(Int(maximum))])
                guard let row = rows.first else {
                    let current = try transaction.query(Self.readSQL, [organization, metric, period]).first
                    throw UsageLimitReachedError(
                        metric: charge.metric,
                        used: Int64(current?.column("used")?.integer ?? 0),
                        maximum: maximum,
                        requested: charge.amount
                    )
                }
                newValue = Int64(row.column("used")?.integer ?? 0)
            } else {
                let rows = try transaction.query(
                    Self.adjustSQL, [organization, metric, period, .integer(Int(max(charge.amount, 0))), .integer(Int(charge.amount))])
                newValue = Int64(rows.first?.column("used")?.integer ?? 0)
            }
            limits.receipt.record(charge.metric, period: limits.counterPeriod(for: charge.metric), used: newValue)
            if charge.metric.kind == .capacity {
                // The month's row keeps the value as it stood at the month's last change: the history of capacities.
                try transaction.query(Self.snapshotSQL, [organization, metric, .text(limits.period.key), .integer(Int(newValue))])
            }
        }
    }
}
