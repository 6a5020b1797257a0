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
        if !tenancy.multiTenantEnabled {
            lines.append("Single-tenant mode: every request is served in the default organization (acme's owner is not a member of it):")
            lines.append("  curl -H \"Authorization: Bearer $TOKEN\" \(base)/api/tasks")
            lines.append("Restart with MULTI_TENANT_ENABLED=true to reach acme and globex.")
        } else {
            let auth = "-H \"Authorization: Bearer $TOKEN\""
            switch tenancy.strategy {
            case .subdomain:
                lines.append("  curl \(auth) http://acme.\(tenancy.platformDomain):\(port)/api/tasks")
                lines.append("  curl \(auth) http://globex.\(tenancy.platformDomain):\(port)/api/tasks   # 403: not a member")
            case .domain:
                lines.append("  curl \(auth) -H 'Host: acme.test' \(base)/api/tasks")
            case .header:
                lines.append("  curl \(auth) -H '\(tenancy.tenantHeaderName): acme' \(base)/api/tasks")
            case .path:
                lines.append("  curl \(auth) \(base)/org/acme/api/tasks")
            }
        }
        // Written unbuffered so it shows before the server's own log lines even when output goes to a file.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n\n").utf8))
    }
}
