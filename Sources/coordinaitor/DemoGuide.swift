import CoordinaitorApp
import CoordinaitorDomain
import Foundation

/// What `serve --demo` prints: how to reach the demo organizations with the configured strategy.
enum DemoGuide {
    static func print(_ configuration: AppConfiguration) {
        let port = configuration.port
        let tenancy = configuration.tenancy
        let base = "http://127.0.0.1:\(port)"
        var lines = [
            "",
            "Demo organizations: acme (Acme Corporation, acme.test) and globex (Globex Inc., globex.test).",
            "Accounts (password '\(DemoData.password)'): owner@, admin@, member@, viewer@ and billing@ each domain,",
            "and the super admin \(DemoData.superAdminEmail). Sign in and keep the token:",
            "  TOKEN=$(curl -s \(base)/api/auth/login -H 'Content-Type: application/json' \\",
            "    -d '{\"email\":\"owner@acme.test\",\"password\":\"\(DemoData.password)\"}' | sed -E 's/.*\"token\":\"([^\"]+)\".*/\\1/')",
        ]
        let auth = "-H \"Authorization: Bearer $TOKEN\""
        let current = tenancy.multiTenantEnabled ? tenancy.strategy.rawValue : "single-tenant"
        lines.append("Calling the API under each strategy (this server runs: \(current)):")
        let examples: [(String, String, String)] = [
            ("single-tenant", "MULTI_TENANT_ENABLED=false", "curl \(auth) \(base)/api/tasks   # with the token of the first account signed up: it owns the default organization"),
            ("subdomain", "MULTI_TENANT_ENABLED=true", "curl \(auth) http://acme.\(tenancy.platformDomain):\(port)/api/tasks"),
            ("domain", "MULTI_TENANT_ENABLED=true MULTI_TENANT_STRATEGY=domain", "curl \(auth) -H 'Host: acme.test' \(base)/api/tasks"),
            ("header", "MULTI_TENANT_ENABLED=true MULTI_TENANT_STRATEGY=header", "curl \(auth) -H '\(tenancy.tenantHeaderName): acme' \(base)/api/tasks"),
            ("path", "MULTI_TENANT_ENABLED=true MULTI_TENANT_STRATEGY=path", "curl \(auth) \(base)/org/acme/api/tasks"),
        ]
        for (strategy, environment, command) in examples {
            lines.append("  \(strategy == current ? "*" : " ") \(strategy) (\(environment)):")
            lines.append("      \(command)")
        }
        lines.append("A globex account gets 403 cross_tenant_access_denied on acme's routes; the attempt is logged.")
        lines.append("The web dashboard (sign in as owner@acme.test) and the platform console (as \(DemoData.superAdminEmail)):")
        lines.append("  \(self.dashboardURL(tenancy, port: port))")
        lines.append("  http://localhost:\(port)/admin")
        // Written unbuffered so it shows before the server's own log lines even when output goes to a file.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n\n").utf8))
    }

    /// acme's dashboard as this server addresses it.
    private static func dashboardURL(_ tenancy: TenancyConfiguration, port: Int) -> String {
        guard tenancy.multiTenantEnabled else { return "http://localhost:\(port)/dashboard   (the default organization)" }
        switch tenancy.strategy {
        case .subdomain: return "http://acme.\(tenancy.platformDomain):\(port)/dashboard"
        case .domain: return "http://acme.test:\(port)/dashboard   (once acme.test resolves to this server)"
        case .header, .path: return "http://localhost:\(port)/org/acme/dashboard"
        }
    }
}
