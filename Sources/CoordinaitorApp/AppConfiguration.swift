import Configuration
import CoordinaitorDomain
import CoordinaitorServices
import Foundation

/// Everything the server reads from its environment, validated at start.
///
/// Keys (environment variable names; defaults in brackets):
/// - `MULTI_TENANT_ENABLED` [false], `MULTI_TENANT_STRATEGY` [subdomain], `DEFAULT_ORGANIZATION_ID`, `ALLOWED_DOMAINS`,
///   `REQUIRE_TENANT_HEADER` [false], `TENANT_HEADER_NAME` [X-Tenant-ID], `PLATFORM_DOMAIN` [localhost], `TRUST_PROXY` [false]
/// - `HOST` [127.0.0.1], `PORT` [8080], `DATABASE_URL` (a `postgres://` URL; unset: SQLite under `DATA_DIR`), `DATA_DIR` [./data]
/// - `MAX_BODY_SIZE` [1048576 bytes], `TENANT_CACHE_TTL` [30 s], `TENANT_CACHE_SIZE` [50000], `DEBUG` (namespaces such as `tenant:*`),
///   `LOG_LEVEL` [info]
/// - `IDENTITY_CACHE_TTL` [5 s], `IDENTITY_CACHE_SIZE` [100000], `TASK_LIST_CACHE_TTL` [5 s],
///   `TASK_LIST_CACHE_BYTES` [16777216]
/// - `APP_ENV` [development] (`production` makes `JWT_SECRET` required), `JWT_SECRET` (secret; at least 32 characters),
///   `JWT_TTL` [3600 s], `BCRYPT_COST` [11], `PURGE_GRACE_DAYS` [30]
/// - `WEBHOOK_ALLOW_PRIVATE_TARGETS` [false]
/// - `LOG_DIR` [logs] (empty: no log files), `LOG_FILE_MAX_BYTES` [10485760], `LOG_FILE_COUNT` [5 rotated files kept]
/// - `METRICS_MAX_TENANTS` [1000], `METRICS_TOKEN` (secret; when set, `/metrics` needs it as a bearer token)
/// - `AUDIT_SECRET` (secret, at least 32 characters; unset: generated and kept under `DATA_DIR`, required in production),
///   `AUDIT_QUEUE_CAPACITY` [100000 events], `AUDIT_API_REQUESTS` [true: an `api.request` entry per API call]
/// - `SESSION_COOKIE_DOMAIN` (unset: the dashboard's session cookie stays on one host; `platform.com` shares it with
///   every organization's subdomain)
package struct AppConfiguration: Sendable {
    package enum Database: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    package var tenancy: TenancyConfiguration
    package var host: String
    package var port: Int
    package var database: Database
    package var dataDirectory: String
    package var maximumBodySize: Int
    package var tenantCache: TenantCache.Configuration
    /// How long the users and memberships read to authorize a request are cached (`IDENTITY_CACHE_TTL`).
    package var identityCache: IdentityCache.Configuration
    /// Rendered task-list pages kept until the organization's tasks change (`TASK_LIST_CACHE_TTL`, `TASK_LIST_CACHE_BYTES`).
    package var taskListCache: TaskListCache.Configuration
    package var debug: DebugNamespaces
    package var logLevel: String
    package var environment: DeploymentEnvironment
    /// `JWT_SECRET`; nil outside production means "generate one and keep it under `DATA_DIR`".
    package var jwtSecret: String?
    package var tokenLifetime: TimeInterval
    package var bcryptCost: UInt8
    /// How long a cancelled organization's data is kept before it is purged.
    package var purgeGracePeriod: TimeInterval
    /// Let webhooks target loopback, private and link-local addresses (development and tests only: in production a
    /// tenant could otherwise make this server call its internal network).
    package var webhookAllowPrivateTargets: Bool
    /// Where the log files go; nil writes no files (stdout only).
    package var logDirectory: String?
    /// A log file is rotated when it reaches this size; this many rotated files are kept.
    package var logFileMaximumBytes: Int
    package var logFileCount: Int
    /// At most this many organizations get their own metrics label; the rest are summed under `other`.
    package var metricsMaximumTenants: Int
    /// When set, `/metrics` answers only to `Authorization: Bearer <token>`.
    package var metricsToken: String?
    /// The key of the audit chains' MACs; nil outside production means "generate one and keep it under `DATA_DIR`".
    package var auditSecret: String?
    /// Audit events waiting to be written; beyond it new events are dropped and counted.
    package var auditQueueCapacity: Int
    /// Record every API call (`api.request`); access refusals, changes and limits are recorded either way.
    package var auditAPIRequests: Bool
    /// The `Domain` of the dashboard's session cookie; nil keeps it to the host that set it.
    package var sessionCookieDomain: String?

    /// Variables whose values never appear in logs or errors.
    static let secretVariables: Set<String> = ["DATABASE_URL", "JWT_SECRET", "METRICS_TOKEN", "AUDIT_SECRET"]

    /// Reads the documented variables from `reader`.
    /// - Throws: ``SettingError`` naming the first variable with a value that is not allowed.
    package init(reader: ConfigReader) throws(SettingError) {
        // Configuration keys are the documented variable names split at "_": MULTI_TENANT_ENABLED is multi.tenant.enabled,
        // which the environment provider maps back to the same name.
        try self.init { variable in
            reader.string(
                forKey: ConfigKey(variable.lowercased().split(separator: "_").map(String.init)),
                isSecret: Self.secretVariables.contains(variable)
            )
        }
    }

    package init(reading value: @escaping (String) -> String?) throws(SettingError) {
        let settings = SettingReader(value)
        self.tenancy = try TenancyConfiguration(reading: value)
        self.host = settings.nonEmpty("HOST") ?? "127.0.0.1"
        self.port = try settings.integer("PORT", default: 8080, in: 0...65535)
        self.dataDirectory = settings.nonEmpty("DATA_DIR") ?? "./data"
        if let url = settings.nonEmpty("DATABASE_URL") {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw SettingError(variable: "DATABASE_URL", value: "(hidden)", expected: "a postgres:// or postgresql:// URL, or unset for SQLite")
            }
            self.database = .postgres(url: url)
        } else {
            self.database = .sqlite(path: (self.dataDirectory as NSString).appendingPathComponent("coordinaitor.sqlite"))
        }
        self.maximumBodySize = try settings.integer("MAX_BODY_SIZE", default: 1 << 20, in: 1024...(64 << 20))
        self.tenantCache = TenantCache.Configuration(
            ttl: TimeInterval(try settings.integer("TENANT_CACHE_TTL", default: 30, in: 0...3600)),
            negativeTTL: 5,
            capacity: try settings.integer("TENANT_CACHE_SIZE", default: 50_000, in: 1...10_000_000)
        )
        self.identityCache = IdentityCache.Configuration(
            ttl: TimeInterval(try settings.integer("IDENTITY_CACHE_TTL", default: 5, in: 0...300)),
            capacity: try settings.integer("IDENTITY_CACHE_SIZE", default: 100_000, in: 1...10_000_000)
        )
        self.taskListCache = TaskListCache.Configuration(
            ttl: TimeInterval(try settings.integer("TASK_LIST_CACHE_TTL", default: 5, in: 0...300)),
            maximumBytes: try settings.integer("TASK_LIST_CACHE_BYTES", default: 16 << 20, in: 0...(1 << 32))
        )
        self.debug = DebugNamespaces(settings.nonEmpty("DEBUG") ?? "")
        self.logLevel = try settings.choice("LOG_LEVEL", default: LogLevelName.info).rawValue
        self.environment = try settings.choice("APP_ENV", default: DeploymentEnvironment.development)
        self.jwtSecret = settings.nonEmpty("JWT_SECRET")
        if let secret = self.jwtSecret, secret.utf8.count < 32 {
            throw SettingError(variable: "JWT_SECRET", value: "(hidden)", expected: "a secret of at least 32 characters")
        }
        if self.environment == .production, self.jwtSecret == nil {
            throw SettingError(variable: "JWT_SECRET", value: "", expected: "a secret of at least 32 characters (required when APP_ENV=production)")
        }
        self.tokenLifetime = TimeInterval(try settings.integer("JWT_TTL", default: 3600, in: 60...(30 * 86400)))
        self.bcryptCost = UInt8(try settings.integer("BCRYPT_COST", default: 11, in: 4...16))
        self.purgeGracePeriod = TimeInterval(try settings.integer("PURGE_GRACE_DAYS", default: 30, in: 1...3650) * 86400)
        self.webhookAllowPrivateTargets = try settings.bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", default: false)
        // LOG_DIR set to the empty string switches the files off; unset means the documented default.
        let logDirectory = value("LOG_DIR")
        self.logDirectory = logDirectory == nil ? "logs" : settings.nonEmpty("LOG_DIR")
        self.logFileMaximumBytes = try settings.integer("LOG_FILE_MAX_BYTES", default: 10 << 20, in: 4096...(1 << 34))
        self.logFileCount = try settings.integer("LOG_FILE_COUNT", default: 5, in: 1...100)
        self.metricsMaximumTenants = try settings.integer("METRICS_MAX_TENANTS", default: 1000, in: 0...1_000_000)
        self.metricsToken = settings.nonEmpty("METRICS_TOKEN")
        self.sessionCookieDomain = settings.nonEmpty("SESSION_COOKIE_DOMAIN")
        self.auditSecret = settings.nonEmpty("AUDIT_SECRET")
        if let secret = self.auditSecret, secret.utf8.count < 32 {
            throw SettingError(variable: "AUDIT_SECRET", value: "(hidden)", expected: "a secret of at least 32 characters")
        }
        if self.environment == .production, self.auditSecret == nil {
            throw SettingError(variable: "AUDIT_SECRET", value: "", expected: "a secret of at least 32 characters (required when APP_ENV=production)")
        }
        self.auditQueueCapacity = try settings.integer("AUDIT_QUEUE_CAPACITY", default: 100_000, in: 100...10_000_000)
        self.auditAPIRequests = try settings.bool("AUDIT_API_REQUESTS", default: true)
    }
}

/// `APP_ENV`: production refuses to start without the secrets a development machine may generate.
package enum DeploymentEnvironment: String, CaseIterable, Sendable {
    case development, production
}

/// The levels `LOG_LEVEL` accepts.
package enum LogLevelName: String, CaseIterable, Sendable {
    case trace, debug, info, notice, warning, error, critical
}
