import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import Logging
import Testing

@Suite("Log lines: format and filtering")
struct LogLineTests {
    /// 2027-01-15T08:00:00.500Z: half a second is exact in binary, so the milliseconds do not depend on rounding.
    static let instant = Date(timeIntervalSince1970: 1_800_000_000.5)
    let formatter = LogLineFormatter()

    @Test func fixedFieldsComeFirstAndTheRestSortedByKey() {
        let line = self.formatter.format(
            timestamp: Self.instant,
            level: .debug,
            message: "Tenant resolution",
            metadata: [
                "zeta": "two words",
                "hb.request.id": "4f1c2d",
                "tenant.id": "0193-acme",
                "organization.id": "0193-acme",
                "log.namespace": "tenant:resolve",
                "tenant.host": "acme.localhost",
            ]
        )
        #expect(
            line == #"ts=2027-01-15T08:00:00.500Z level=debug namespace=tenant:resolve request_id=4f1c2d organization_id=0193-acme "#
                + #"msg="Tenant resolution" tenant.host=acme.localhost zeta="two words""# + "\n"
        )
    }

    @Test func unknownFieldsAreADash() {
        let line = self.formatter.format(timestamp: Self.instant, level: .info, message: "Started", metadata: [:])
        #expect(line == "ts=2027-01-15T08:00:00.500Z level=info namespace=- request_id=- organization_id=- msg=Started\n")
    }

    @Test func tenantIDStandsInForTheOrganizationAndADifferentOneIsKept() {
        let fromTenant = self.formatter.format(timestamp: Self.instant, level: .warning, message: "m", metadata: ["tenant.id": "org-1"])
        #expect(fromTenant.contains(" organization_id=org-1 "))
        #expect(!fromTenant.contains("tenant.id="))
        let both = self.formatter.format(
            timestamp: Self.instant, level: .warning, message: "m", metadata: ["organization.id": "org-1", "tenant.id": "org-2"])
        #expect(both.contains(" organization_id=org-1 "))
        #expect(both.contains(" tenant.id=org-2"))
    }

    @Test func aMessageCannotForgeASecondLine() {
        let line = self.formatter.format(
            timestamp: Self.instant,
            level: .info,
            message: "first\nts=2027-01-01T00:00:00.000Z level=critical msg=forged",
            metadata: ["note": "tab\there \"quoted\" back\\slash \u{1B}[31m"]
        )
        #expect(line.filter { $0 == "\n" }.count == 1)
        #expect(line.hasSuffix("\n"))
        #expect(line.contains(#"msg="first\nts=2027-01-01T00:00:00.000Z level=critical msg=forged""#))
        #expect(line.contains(#"note="tab\there \"quoted\" back\\slash \u{1b}[31m""#))
    }

    @Test func nestedMetadataBecomesDottedKeysAndOddKeysAreSanitized() {
        let line = self.formatter.format(
            timestamp: Self.instant,
            level: .info,
            message: "m",
            metadata: ["user": ["id": "u1", "roles": ["owner", "admin"]], "bad key=x": "1"]
        )
        #expect(line.contains(" user.id=u1"))
        #expect(line.contains(#" user.roles="[owner, admin]""#))
        #expect(line.contains(" bad_key_x=1"))
    }

    @Test func theHandlerMergesLoggerMetadataAndTheError() throws {
        let capture = try LogCapture()
        let output = LogOutput(configuration: .init(console: capture.logConsole, directory: nil))
        defer { output.close() }
        let policy = LogLevelPolicy(minimumLevel: .info, debug: DebugNamespaces(""))
        var logger = Logger(label: "test") { _ in CoordinaitorLogHandler(output: output, policy: policy, now: { Self.instant }) }
        logger[metadataKey: "hb.request.id"] = "req-7"
        logger[metadataKey: "organization.id"] = "org-7"
        struct Broken: Error {}
        logger.scoped(.organizationPurge).error("Purge failed", error: Broken())
        output.flush()
        let console = try String(contentsOf: capture.consoleFile, encoding: .utf8)
        #expect(console.hasPrefix("ts=2027-01-15T08:00:00.500Z level=error namespace=org:purge request_id=req-7 organization_id=org-7 "))
        #expect(console.contains(" error=") && console.contains("Broken()"))
    }

    // MARK: Filtering

    @Test(arguments: [
        // DEBUG, namespace, passes at debug
        ("tenant:*", "tenant:resolve", true),
        ("tenant:*", "tenant:cache", true),
        ("tenant:*", "org:purge", false),
        ("tenant:resolve", "tenant:cache", false),
        ("org:*, auth:*", "auth:token", true),
        ("org:*,auth:*", "usage:meter", false),
        ("*:cache", "tenant:cache", true),
        ("*", "webhook:dispatch", true),
        ("", "tenant:resolve", false),
    ])
    func debugLinesPassOnlyForNamespacesDebugNames(debug: String, namespace: String, passes: Bool) {
        let policy = LogLevelPolicy(minimumLevel: .info, debug: DebugNamespaces(debug))
        #expect(policy.allows(.debug, namespace: namespace) == passes)
        #expect(!policy.allows(.trace, namespace: namespace))
        #expect(policy.allows(.info, namespace: namespace))
    }

    @Test func logLevelAloneDoesNotOpenNamespacedDebugLines() {
        let policy = LogLevelPolicy(minimumLevel: .debug, debug: DebugNamespaces(""))
        #expect(policy.allows(.debug, namespace: nil))
        #expect(!policy.allows(.debug, namespace: "tenant:resolve"))
        #expect(policy.handlerLevel == .debug)
    }

    @Test func debugLowersItsNamespacesAndNothingElse() {
        let policy = LogLevelPolicy(minimumLevel: .warning, debug: DebugNamespaces("tenant:*"))
        #expect(policy.handlerLevel == .debug)
        #expect(policy.allows(.debug, namespace: "tenant:resolve"))
        #expect(policy.allows(.info, namespace: "tenant:resolve"))
        #expect(!policy.allows(.info, namespace: "org:purge"))
        #expect(!policy.allows(.info, namespace: nil))
        #expect(!policy.allows(.debug, namespace: nil))
        #expect(policy.allows(.warning, namespace: nil))
        #expect(LogLevelPolicy(minimumLevel: .info, debug: DebugNamespaces("")).handlerLevel == .info)
        #expect(LogLevelPolicy(minimumLevel: .trace, debug: DebugNamespaces("tenant:*")).allows(.trace, namespace: "tenant:cache"))
    }

    @Test func theHandlerDropsWhatThePolicyRefuses() throws {
        let capture = try LogCapture()
        let output = LogOutput(configuration: .init(console: capture.logConsole, directory: nil))
        defer { output.close() }
        let policy = LogLevelPolicy(minimumLevel: .info, debug: DebugNamespaces("tenant:*"))
        let logger = Logger(label: "test") { _ in CoordinaitorLogHandler(output: output, policy: policy) }
        logger.scoped(.tenantResolve).debug("shown: tenant")
        logger.scoped(.organizationPurge).debug("hidden: org")
        logger.debug("hidden: no namespace")
        logger.info("shown: info")
        output.flush()
        let console = try String(contentsOf: capture.consoleFile, encoding: .utf8)
        #expect(console.contains("shown: tenant"))
        #expect(console.contains("shown: info"))
        #expect(!console.contains("hidden"))
    }
}
