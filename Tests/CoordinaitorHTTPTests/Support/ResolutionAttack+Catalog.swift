import CoordinaitorDomain
import HTTPTypes

extension ResolutionAttack {
    private static let crossTenant = Outcome.refused(.forbidden, code: "cross_tenant_access_denied")
    private static let noTenant = Outcome.refused(.notFound, code: "tenant_not_found")
    private static let invalidKey = Outcome.refused(.badRequest, code: "invalid_tenant_id")
    /// A path with a `.` or `..` segment, refused whole before routing.
    private static let invalidPath = Outcome.refused(.badRequest, code: "invalid_path")
    /// A path that matches no route once the prefix is stripped: the router's own 404.
    private static let noRoute = Outcome.refused(.notFound, code: "route_not_found")

    private static func host(_ name: String, _ value: String, _ outcome: Outcome, extra: [(String, String)] = []) -> ResolutionAttack {
        ResolutionAttack(name: name, fields: [("Host", value)] + extra.map { (name: $0.0, value: $0.1) }, outcome: outcome)
    }

    private static func header(_ name: String, _ values: [String], _ outcome: Outcome) -> ResolutionAttack {
        ResolutionAttack(name: name, fields: values.map { (name: "X-Tenant-ID", value: $0) }, outcome: outcome)
    }

    private static func path(_ name: String, _ uri: String, _ outcome: Outcome, fields: [(String, String)] = []) -> ResolutionAttack {
        ResolutionAttack(name: name, uri: uri, fields: fields.map { (name: $0.0, value: $0.1) }, outcome: outcome)
    }

    /// The attacks on `strategy`, sent with acme's owner's token.
    static func catalog(strategy: String, data: TwoTenants) -> [ResolutionAttack] {
        let globexID = data.globex.organization.id.description
        let tenKilobytes = String(repeating: "a", count: 10_000)
        switch strategy {
        case "subdomain":
            return [
                host("the other organization's host", "globex.localhost", crossTenant),
                host("spoofed X-Forwarded-Host, TRUST_PROXY off", "acme.localhost", .servesAcme, extra: [("X-Forwarded-Host", "globex.localhost")]),
                host("X-Forwarded-Host alone, TRUST_PROXY off", "127.0.0.1", noTenant, extra: [("X-Forwarded-Host", "acme.localhost")]),
                host("RFC 7239 Forwarded host", "acme.localhost", .servesAcme, extra: [("Forwarded", "host=globex.localhost")]),
                host("tenant header of the other organization", "acme.localhost", .servesAcme, extra: [("X-Tenant-ID", globexID)]),
                host("mixed case", "ACME.localhost", .servesAcme),
                host("upper case with port", "ACME.LOCALHOST:8080", .servesAcme),
                host("trailing dot", "acme.localhost.", .servesAcme),
                host("trailing dot and port", "acme.localhost.:8080", .servesAcme),
                host("port", "acme.localhost:8080", .servesAcme),
                host("two trailing dots", "acme.localhost..", noTenant),
                ResolutionAttack(name: "dot-dot in the API path", uri: "/api/projects/../tasks", fields: [("Host", "acme.localhost")], outcome: invalidPath),
                host("non-numeric port", "acme.localhost:80a", noTenant),
                host("two ports", "acme.localhost:8080:8080", noTenant),
                host("IPv6 literal with port", "[::1]:8080", noTenant),
                host("unclosed IPv6 literal", "[::1:8080", noTenant),
                host("IPv4 literal", "127.0.0.1:8080", noTenant),
                host("punycode label", "xn--80ak6aa92e.localhost", noTenant),
                host("non-ASCII label", "ácme.localhost", noTenant),
                host("user info", "acme.localhost@globex.localhost", noTenant),
                host("nested under the other organization", "acme.globex.localhost", noTenant),
                host("the platform domain as a prefix", "acme.localhost.globex.test", noTenant),
                host("10 KB host", tenKilobytes + ".localhost", noTenant),
                host("64-character label", String(repeating: "a", count: 64) + ".localhost", noTenant),
                host("empty host", "", noTenant),
                host("whitespace host", "   ", noTenant),
                ResolutionAttack(
                    name: "two Host fields", fields: [("Host", "acme.localhost"), ("Host", "globex.localhost")], outcome: noTenant),
                path("a path prefix is not a tenant here", "/org/globex/api/tasks", noRoute, fields: [("Host", "acme.localhost")]),
            ]
        case "domain":
            return [
                host("the other organization's domain", "globex.test", crossTenant),
                host("mixed case, trailing dot and port", "ACME.Test.:443", .servesAcme),
                host("spoofed X-Forwarded-Host, TRUST_PROXY off", "acme.test", .servesAcme, extra: [("X-Forwarded-Host", "globex.test")]),
                host("a subdomain of an allowed domain", "globex.acme.test", noTenant),
                host("an allowed domain as a prefix", "acme.test.globex.test", noTenant),
                host("a subdomain-strategy host", "acme.localhost", noTenant),
                host("punycode", "xn--acme-9za.test", noTenant),
                host("10 KB host", tenKilobytes + ".test", noTenant),
            ]
        case "header":
            return [
                header("the other organization's subdomain", ["globex"], crossTenant),
                header("the other organization's id", [globexID], crossTenant),
                header("the other organization's id in upper case", [globexID.uppercased()], crossTenant),
                header("the other organization's name in upper case", ["GLOBEX"], crossTenant),
                header("own subdomain with spaces", ["  acme "], .servesAcme),
                header("empty", [""], invalidKey),
                header("whitespace", ["   "], invalidKey),
                header("two fields", ["acme", "globex"], invalidKey),
                header("two values in one field", ["acme, globex"], invalidKey),
                header("dot-dot", ["../globex"], invalidKey),
                header("a path", ["acme/../globex"], invalidKey),
                header("percent-encoded", ["%61cme"], invalidKey),
                header("an id and a name", [globexID + " acme"], invalidKey),
                // A well-formed key that names nobody (the problem repeats it, so it holds no id of globex's).
                header("a slug no organization has", ["initech"], noTenant),
                header("10 KB value", [tenKilobytes], invalidKey),
                ResolutionAttack(
                    name: "host of the other organization is ignored", fields: [("Host", "globex.localhost"), ("X-Tenant-ID", "acme")],
                    outcome: .servesAcme),
                ResolutionAttack(name: "no header", fields: [("Host", "acme.localhost")], outcome: noTenant),
            ]
        default:
            return [
                path("the other organization's prefix", "/org/globex/api/tasks", crossTenant),
                path("the other organization's id", "/org/\(globexID)/api/tasks", crossTenant),
                path("the other organization's prefix in upper case", "/org/GLOBEX/api/tasks", crossTenant),
                path("own prefix in upper case", "/org/ACME/api/tasks", .servesAcme),
                path("own prefix, the other's host and header", "/org/acme/api/tasks", .servesAcme,
                    fields: [("Host", "globex.localhost"), ("X-Tenant-ID", "globex")]),
                path("dot-dot after the key", "/org/acme/../globex/api/tasks", invalidPath),
                path("encoded dot-dot after the key", "/org/acme/%2e%2e/globex/api/tasks", invalidPath),
                path("half-encoded dot-dot after the key", "/org/acme/.%2E/globex/api/tasks", invalidPath),
                path("dot-dot inside the API path", "/org/acme/api/../../org/globex/api/tasks", invalidPath),
                path("single dot inside the API path", "/org/acme/api/./tasks", invalidPath),
                path("dot-dot as the key", "/org/../api/tasks", invalidPath),
                path("encoded dot-dot as the key", "/org/%2e%2e/api/tasks", invalidPath),
                path("dot-dot as the key before the other's prefix", "/org/../org/globex/api/tasks", invalidPath),
                path("encoded dot-dot as the key before the other's name", "/org/%2e%2e/globex/api/tasks", invalidPath),
                path("dot-dot as the last segment", "/org/acme/api/tasks/..", invalidPath),
                path("dots inside a segment are not dot segments", "/org/acme/api/tasks..", noRoute),
                path("encoded slash in the key", "/org/acme%2Fglobex/api/tasks", invalidKey),
                path("encoded slash and dot-dot in the key", "/org/acme%2F..%2Fglobex/api/tasks", invalidKey),
                path("percent-encoded key", "/org/%61cme/api/tasks", invalidKey),
                path("double-encoded key", "/org/%2561cme/api/tasks", invalidKey),
                path("encoded NUL in the key", "/org/globex%00/api/tasks", invalidKey),
                path("10 KB key", "/org/\(tenKilobytes)/api/tasks", invalidKey),
                path("empty key", "/org//api/tasks", noRoute),
                path("doubled slash before the prefix", "//org/globex/api/tasks", noRoute),
                path("upper-case prefix", "/ORG/globex/api/tasks", noRoute),
                path("a prefix in the query", "/org/acme?next=/org/globex/api/tasks", noRoute),
                path("no prefix, the other's header", "/api/tasks", noTenant, fields: [("X-Tenant-ID", "globex")]),
            ]
        }
    }
}
