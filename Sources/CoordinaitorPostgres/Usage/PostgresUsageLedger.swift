import CoordinaitorDomain
import PostgresNIO

/// Applies usage charges inside the caller's transaction: the limit check and the increment are one conditional
/// upsert, and the counter row's lock makes concurrent transactions take turns, so the last slot is taken once.
enum PostgresUsageLedger {
    /// Applies every charge or throws ``UsageLimitReachedError`` for the first that does not fit (the caller's
    /// transaction then rolls back, taking the earlier charges with it).
    static func apply(
        _ charges: [UsageCharge],
        limits: UsageLimits,
        in scope: TenantScope,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        let organization = scope.organizationID.uuid
        // In metric order, so that concurrent transactions lock counter rows in the same order and cannot deadlock.
        for charge in charges.sorted(by: { $0.metric < $1.metric }) where charge.amount != 0 {
            let metric = charge.metric.storageKey
            let period = limits.counterPeriod(for: charge.metric)
            let amount = charge.amount
            let newValue: Int64
            if amount > 0, let maximum = limits.maximum(charge.metric) {
                let rows =
                    amount > maximum
                    ? []
                    : try await connection.rows(
                        """
                        INSERT INTO usage_counters (organization_id, metric, period, used) VALUES (\(organization), \(metric), \(period), \(amount))
                        ON CONFLICT (organization_id, metric, period) DO UPDATE SET used = usage_counters.used + excluded.used
                        WHERE usage_counters.used + excluded.used <= \(maximum)
                        RETURNING used
                        """,
                        logger: logger
                    )
                guard let row = rows.first else {
                    let current = try await connection.rows(
                        """
                        SELECT used FROM usage_counters
                        WHERE organization_id = \(organization) AND metric = \(metric) AND period = \(period)
                        """,
                        logger: logger
                    )
                    throw UsageLimitReachedError(
                        metric: charge.metric,
                        used: try current.first?.decode(Int64.self) ?? 0,
                        maximum: maximum,
                        requested: amount
                    )
                }
                newValue = try row.decode(Int64.self)
            } else {
                let initial = max(amount, 0)
                let rows = try await connection.rows(
                    """
                    INSERT INTO usage_counters (organization_id, metric, period, used) VALUES (\(organization), \(metric), \(period), \(initial))
                    ON CONFLICT (organization_id, metric, period) DO UPDATE SET used = GREATEST(usage_counters.used + \(amount), 0)
                    RETURNING used
                    """,
                    logger: logger
                )
                newValue = try rows.first?.decode(Int64.self) ?? 0
            }
            limits.receipt.record(charge.metric, period: limits.counterPeriod(for: charge.metric), used: newValue)
            if charge.metric.kind == .capacity {
                // The month's row keeps the value as it stood at the month's last change: the history of capacities.
                let month = limits.period.key
                _ = try await connection.rows(
                    """
                    INSERT INTO usage_counters (organization_id, metric, period, used) VALUES (\(organization), \(metric), \(month), \(newValue))
                    ON CONFLICT (organization_id, metric, period) DO UPDATE SET used = excluded.used
                    """,
                    logger: logger
                )
            }
        }
    }
}
