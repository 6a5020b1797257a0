import CoordinaitorDomain
import CoordinaitorServices
import HTTPTypes
import Hummingbird
import Logging

/// Resolves the organization of a tenant route and puts it in the context, or refuses the request.
///
/// The pure rules live in ``TenantResolver``; this adds the lookup (through the cached ``TenantDirectory``), the
/// active-status check, and the `tenant:resolve` debug log (written only when `DEBUG` switches that namespace on: the
/// log handler filters by namespace).
package struct TenantResolutionMiddleware: RouterMiddleware {
    package typealias Context = AppRequestContext

    private let resolver: TenantResolver
    private let directory: TenantDirectory
    private let observer: (any TenantResolutionObserver)?

    /// - Parameter observer: counts the outcomes (the metrics).
    package init(resolver: TenantResolver, directory: TenantDirectory, observer: (any TenantResolutionObserver)? = nil) {
        self.resolver = resolver
        self.directory = directory
        self.observer = observer
    }

    package func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let facts = TenantRequestFacts(request: request, context: context, configuration: self.resolver.configuration)
        let resolution = self.resolver.resolve(facts)
        let organization: Organization
        do {
            organization = try await self.organization(for: resolution, logger: context.logger)
        } catch {
            self.observer?.tenantResolution(TenantResolutionOutcome(refusing: resolution, with: error))
            self.log(resolution, facts: facts, request: request, context: context, outcome: "refused: \(error)")
            // A suspended or cancelled organization was still the target: its own audit log should show the attempt.
            if let error = error as? TenancyError, error.code == .tenantInactive, case .organization(let key, _) = resolution {
                AuditRequestContext.current?.organization = try? await self.directory.organization(for: key)
            }
            throw error
        }
        self.observer?.tenantResolution(.resolved)

        AuditRequestContext.current?.organization = organization
        var context = context
        context.tenant = organization
        context.logger[metadataKey: "tenant.id"] = "\(organization.id)"
        context.logger[metadataKey: "organization.id"] = "\(organization.id)"
        self.log(resolution, facts: facts, request: request, context: context, outcome: "organization \(organization.id)")
        // The `X-Tenant-ID` response header is added by ``TenantAccessMiddleware``, once the caller is let in.
        return try await next(request, context)
    }

    private func organization(for resolution: TenantResolution, logger: Logger) async throws -> Organization {
        switch resolution {
        case .organization(let key, _):
            return try await self.directory.activeOrganization(for: key, logger: logger)
        case .noTenant(let reason):
            throw TenancyError(code: .tenantNotFound, message: "No organization for this request: \(reason).")
        case .rejected(let error):
            throw error
        }
    }

    private func log(_ resolution: TenantResolution, facts: TenantRequestFacts, request: Request, context: Context, outcome: String) {
        // Checked first so that a request with debug lines off costs no logger copy.
        guard context.logger.logLevel <= .debug else { return }
        let strategy = self.resolver.configuration.multiTenantEnabled ? self.resolver.configuration.strategy.rawValue : "single-tenant"
        context.logger.scoped(.tenantResolve).debug(
            "Tenant resolution",
            metadata: [
                "tenant.host": "\(facts.host ?? "-")",
                "tenant.path": "\(request.uri.path)",
                "tenant.strategy": "\(strategy)",
                "tenant.resolution": "\(resolution)",
                "tenant.outcome": "\(outcome)",
            ]
        )
    }
}

extension HTTPField.Name {
    package static let xTenantID = HTTPField.Name.literal("X-Tenant-ID")
    package static let xForwardedHost = HTTPField.Name.literal("X-Forwarded-Host")
    package static let xForwardedFor = HTTPField.Name.literal("X-Forwarded-For")
    package static let host = HTTPField.Name.literal("Host")
    package static let xAPIKey = HTTPField.Name.literal("X-API-Key")
    package static let rateLimitPolicy = HTTPField.Name.literal("RateLimit-Policy")
    package static let rateLimit = HTTPField.Name.literal("RateLimit")
    package static let usageWarning = HTTPField.Name.literal("Usage-Warning")
    package static let xContentTypeOptions = HTTPField.Name.literal("X-Content-Type-Options")

    /// A field name written in the source; only a typo in this file could make it invalid.
    private static func literal(_ name: String) -> HTTPField.Name {
        guard let field = HTTPField.Name(name) else { preconditionFailure("'\(name)' is not a valid HTTP field name") }
        return field
    }
}
