import CoordinaitorApp
import CoordinaitorDomain
import Foundation

/// What `serve --demo` prints: how to reach the demo organizations with the configured strategy.
enum DemoGuide {
    static func print(_ configuration: AppConfiguration) {
        let port = configuration.port
        let tenancy = configuration.tenancy
        let base = "http://127.0.0.1:\(port)"
        var lines = ["", "Demo organizations: acme (Acme Corporation) and globex (Globex Inc.)."]
        if !tenancy.multiTenantEnabled {
            lines.append("Single-tenant mode: every request is served in the default organization:")
            lines.append("  curl \(base)/api/tasks")
            lines.append("Restart with MULTI_TENANT_ENABLED=true to reach acme and globex.")
        } else {
            switch tenancy.strategy {
            case .subdomain:
                lines.append("  curl http://acme.\(tenancy.platformDomain):\(port)/api/tasks")
                lines.append("  curl http://globex.\(tenancy.platformDomain):\(port)/api/tasks")
            case .domain:
                lines.append("  curl -H 'Host: acme.test' \(base)/api/tasks")
                lines.append("  curl -H 'Host: globex.test' \(base)/api/tasks")
            case .header:
                lines.append("  curl -H '\(tenancy.tenantHeaderName): acme' \(base)/api/tasks")
                lines.append("  curl -H '\(tenancy.tenantHeaderName): globex' \(base)/api/tasks")
            case .path:
                lines.append("  curl \(base)/org/acme/api/tasks")
                lines.append("  curl \(base)/org/globex/api/tasks")
            }
        }
        // Written unbuffered so it shows before the server's own log lines even when output goes to a file.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n\n").utf8))
    }
}
