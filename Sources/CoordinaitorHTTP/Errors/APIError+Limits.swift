import CoordinaitorDomain
import Foundation
import Hummingbird

extension APIError {
    /// A limit of the plan: 429 with `Retry-After` until the month ends for monthly quotas, 403 for capacities.
    /// The body names the limit, the usage, the maximum, the tier and an upgrade hint.
    init(limitExceeded error: LimitExceededError) {
        var headers: HTTPFields = [:]
        let status: HTTPResponse.Status
        if let retryAfter = error.retryAfterSeconds {
            status = .tooManyRequests
            headers[.retryAfter] = "\(retryAfter)"
        } else {
            status = .forbidden
        }
        var extensions: [String: JSONValue] = [
            "limit": .string(error.metric.rawValue),
            "used": .number(Double(error.used)),
            "maximum": .number(Double(error.maximum)),
            "tier": .string(error.tier.rawValue),
            "upgradeHint": .string(error.upgradeHint),
        ]
        if let upgrade = error.upgradeTier { extensions["upgradeTier"] = .string(upgrade.rawValue) }
        if let resetsAt = error.resetsAt { extensions["resetsAt"] = .string(resetsAt.formatted(.iso8601)) }
        self.init(status: status, code: "limit_exceeded", detail: error.message, headers: headers, extensions: extensions)
    }

    /// A feature the plan does not include: 403 naming the cheapest tier that has it.
    init(featureNotAvailable error: FeatureNotAvailableError) {
        self.init(
            status: .forbidden,
            code: "feature_not_available",
            detail: error.message,
            extensions: [
                "feature": .string(error.feature.rawValue),
                "tier": .string(error.tier.rawValue),
                "requiredTier": .string(error.requiredTier.rawValue),
            ]
        )
    }

    /// The organization's (or the API key's) request rate is used up for now.
    static func rateLimited(retryAfter seconds: Int, headers: HTTPFields) -> APIError {
        var headers = headers
        headers[.retryAfter] = "\(seconds)"
        return APIError(
            status: .tooManyRequests,
            code: "rate_limited",
            detail: "Too many requests for this organization's tier; retry in \(seconds) seconds.",
            headers: headers,
            extensions: ["retryAfterSeconds": .number(Double(seconds))]
        )
    }
}
