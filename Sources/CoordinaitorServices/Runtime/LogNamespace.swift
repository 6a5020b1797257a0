import Logging

/// A debug namespace such as `tenant:resolve`: the unit that `DEBUG` switches on and that picks a line's log file.
///
/// A component tags its logger once with ``Logging/Logger/scoped(_:)``; the namespace then travels as the metadata
/// `log.namespace` on every line it writes. The log handler reads it back to decide whether a debug line passes and
/// where the line goes, so call sites never look at `DEBUG` themselves and a line cannot be routed by accident.
package struct LogNamespace: Hashable, Sendable, CustomStringConvertible {
    /// `area:topic`, such as `tenant:resolve`.
    package let name: String

    package init(_ name: String) {
        self.name = name
    }

    package var description: String { self.name }

    /// The metadata key the namespace travels under.
    package static let metadataKey = "log.namespace"

    /// How each request found its organization (host, path, strategy, outcome).
    package static let tenantResolve = LogNamespace("tenant:resolve")
    /// Tenant cache hits, misses and invalidations.
    package static let tenantCache = LogNamespace("tenant:cache")
    /// Access decisions: refused cross-tenant attempts, super admins acting in another organization.
    package static let tenantIsolation = LogNamespace("tenant:isolation")
    /// Creating and changing organizations.
    package static let organizationService = LogNamespace("org:service")
    /// Purging cancelled organizations after their grace period.
    package static let organizationPurge = LogNamespace("org:purge")
    /// Signing and checking access tokens, and the signing secret.
    package static let authToken = LogNamespace("auth:token")
    /// Sign-up, sign-in and sessions.
    package static let authSession = LogNamespace("auth:session")
    /// Counting API calls and flushing the counts.
    package static let usageMeter = LogNamespace("usage:meter")
    /// Quota and rate-limit decisions.
    package static let usageLimits = LogNamespace("usage:limits")
    /// Writing audit events to storage.
    package static let auditWriter = LogNamespace("audit:writer")
    /// The in-memory queue of audit events waiting to be written.
    package static let auditQueue = LogNamespace("audit:queue")
    /// Sending webhook deliveries.
    package static let webhookDispatch = LogNamespace("webhook:dispatch")
    /// Requests as the HTTP layer sees them.
    package static let httpRequest = LogNamespace("http:request")

    /// Every namespace the server writes, for documentation and for tests that check `DEBUG` patterns.
    package static let all: [LogNamespace] = [
        .tenantResolve, .tenantCache, .tenantIsolation, .organizationService, .organizationPurge, .authToken, .authSession,
        .usageMeter, .usageLimits, .auditWriter, .auditQueue, .webhookDispatch, .httpRequest,
    ]
}

extension Logger {
    /// A copy of this logger whose lines belong to `namespace`; the request id and other metadata are kept.
    ///
    /// ```swift
    /// self.logger = logger.scoped(.organizationPurge)
    /// ```
    package func scoped(_ namespace: LogNamespace) -> Logger {
        var scoped = self
        scoped[metadataKey: LogNamespace.metadataKey] = "\(namespace.name)"
        return scoped
    }
}
