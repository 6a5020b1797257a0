import CoordinaitorDomain
import Testing

/// Expects `body` to throw ``UsageLimitReachedError`` for `metric`, reporting the counter at `used` of `maximum`.
func expectLimitReached(
    _ metric: UsageMetric,
    used: Int64,
    maximum: Int64,
    requested: Int64? = nil,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async {
    do {
        try await body()
        Issue.record("Expected the \(metric) limit to be reached, but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as UsageLimitReachedError {
        #expect(error.metric == metric, sourceLocation: sourceLocation)
        #expect(error.used == used, sourceLocation: sourceLocation)
        #expect(error.maximum == maximum, sourceLocation: sourceLocation)
        if let requested { #expect(error.requested == requested, sourceLocation: sourceLocation) }
    } catch {
        Issue.record("Expected the \(metric) limit to be reached, got \(error)", sourceLocation: sourceLocation)
    }
}

extension DataStore {
    /// A counter's value as stored: 0 when it has no row yet. Capacities default to their `current` row.
    func used(_ metric: UsageMetric, period: String = UsageCounterPeriod.current, in scope: TenantScope) async throws -> Int64 {
        try await self.usage.counters(in: scope).first { $0.metric == metric && $0.period == period }?.used ?? 0
    }

    /// The `current` rows of the capacities that ``UsageRepository/recount(in:)`` counts, 0 when missing.
    func currentCapacities(in scope: TenantScope) async throws -> [UsageMetric: Int64] {
        let rows = try await self.usage.counters(in: scope).filter { $0.period == UsageCounterPeriod.current }
        var values: [UsageMetric: Int64] = [:]
        for metric in UsageMetric.allCases where metric.kind == .capacity {
            values[metric] = rows.first { $0.metric == metric }?.used ?? 0
        }
        return values
    }
}

/// How `count` concurrent attempts ended.
struct RaceOutcome {
    var successes = 0
    var refusals: [UsageLimitReachedError] = []
    var otherErrors: [any Error] = []

    /// Checks that exactly `successes` attempts got through and every other one was refused at `maximum`.
    func expect(successes: Int, refusals: Int, maximum: Int64, metric: UsageMetric, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(self.successes == successes, sourceLocation: sourceLocation)
        #expect(self.refusals.count == refusals, sourceLocation: sourceLocation)
        #expect(self.otherErrors.isEmpty, "unexpected errors: \(self.otherErrors)", sourceLocation: sourceLocation)
        let reported = Set(self.refusals.map { "\($0.metric) \($0.used)/\($0.maximum)" })
        #expect(reported.isSubset(of: ["\(metric) \(maximum)/\(maximum)"]), "refusals reported \(reported)", sourceLocation: sourceLocation)
    }
}

/// Starts `count` attempts at once in a task group and sorts their outcomes.
func race(_ count: Int, _ attempt: @escaping @Sendable (Int) async throws -> Void) async -> RaceOutcome {
    let results = await withTaskGroup(of: Result<Void, any Error>.self) { group in
        for index in 0..<count {
            group.addTask {
                do {
                    return .success(try await attempt(index))
                } catch {
                    return .failure(error)
                }
            }
        }
        return await group.reduce(into: []) { $0.append($1) }
    }
    var outcome = RaceOutcome()
    for result in results {
        switch result {
        case .success: outcome.successes += 1
        case .failure(let error as UsageLimitReachedError): outcome.refusals.append(error)
        case .failure(let error): outcome.otherErrors.append(error)
        }
    }
    return outcome
}
