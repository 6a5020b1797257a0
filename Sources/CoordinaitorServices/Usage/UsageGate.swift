import CoordinaitorDomain

/// Runs writes that consume usage with the organization's current limits, and explains a refusal.
///
/// The limits come from the organization as the caller has it (the tenant cache, invalidated on tier and override
/// changes), so a tier change takes effect on the next request. The check itself happens in storage, in the write's
/// own transaction.
package struct UsageGate: Sendable {
    private let time: any TimeSource
    private let observer: any UsageObserver

    package init(time: any TimeSource, observer: any UsageObserver) {
        self.time = time
        self.observer = observer
    }

    /// The month that is current now.
    package var currentPeriod: UsagePeriod { UsagePeriod(containing: self.time.now()) }

    /// What writes of `organization` may consume now.
    package func limits(for organization: Organization) -> UsageLimits {
        organization.plan.usageLimits(for: self.currentPeriod)
    }

    /// Limits for writes that only release usage: releases are never refused, only the month matters.
    package func releaseLimits() -> UsageLimits {
        UsageLimits.unlimited(in: self.currentPeriod)
    }

    /// Runs `write` with the organization's limits; a ``UsageLimitReachedError`` becomes a ``LimitExceededError`` that
    /// names the tier, when the quota starts again and what to upgrade to.
    package func charging<Result>(
        _ organization: Organization,
        _ write: (UsageLimits) async throws -> Result
    ) async throws -> Result {
        let limits = self.limits(for: organization)
        do {
            let result = try await write(limits)
            self.observer.usageChanged(in: organization, to: limits.receipt)
            return result
        } catch let reached as UsageLimitReachedError {
            let exceeded = LimitExceededError(reached, tier: organization.tier, period: limits.period, now: self.time.now())
            self.observer.limitExceeded(exceeded, in: organization)
            throw exceeded
        }
    }

    /// Runs a write that releases usage, then lets observers know.
    package func releasing<Result>(_ organization: OrganizationID, _ write: (UsageLimits) async throws -> Result) async throws -> Result {
        let limits = self.releaseLimits()
        let result = try await write(limits)
        self.observer.usageReleased(in: organization, to: limits.receipt)
        return result
    }
}

/// Hears about usage as it changes: the usage snapshot cache, and (through it) warnings and webhooks.
package protocol UsageObserver: Sendable {
    /// A write consumed usage of `organization`, leaving the counters in `receipt`.
    func usageChanged(in organization: Organization, to receipt: UsageReceipt)
    /// A write released usage, leaving the counters in `receipt`.
    func usageReleased(in organization: OrganizationID, to receipt: UsageReceipt)
    /// A write was refused by a limit.
    func limitExceeded(_ error: LimitExceededError, in organization: Organization)
}
