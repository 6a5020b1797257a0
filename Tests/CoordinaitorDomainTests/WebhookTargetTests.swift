import CoordinaitorDomain
import Foundation
import Testing

@Suite("Webhook targets and address classification")
struct WebhookTargetTests {
    static let refusedByDefault: [String] = [
        "http://127.0.0.1/hook", "http://127.8.9.10/", "http://[::1]/", "http://localhost/", "http://LOCALHOST:8080/",
        "http://api.localhost/", "http://localhost./", "http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.255/",
        "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://[fe80::1]/", "http://[fd00::1]/",
        "http://[fc12:3456::1]/", "http://0.0.0.0/", "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:7f00:1]/", "http://[64:ff9b::a00:1]/", "http://100.64.0.1/", "http://224.0.0.1/", "http://255.255.255.255/",
        "http://intranet/hook",
    ]

    @Test(arguments: WebhookTargetTests.refusedByDefault)
    func privateTargetsAreRefusedUnlessAllowed(url: String) throws {
        #expect(throws: ValidationError.self) { try WebhookTarget(validating: url, allowPrivateTargets: false) }
        let allowed = try WebhookTarget(validating: url, allowPrivateTargets: true)
        #expect(allowed.url == url)
    }

    static let malformed: [String] = [
        "", "   ", "ftp://example.com/", "javascript:alert(1)", "file:///etc/passwd", "example.com/hook", "http:///path",
        "https://user:secret@example.com/", "https://user@example.com/", "http://example.com\\@evil.com/",
        "http://exa mple.com/", "http://日本.jp/", "http://127.1/", "http://0x7f000001/", "http://2130706433/", "http://017700000001/",
        "http://1.2.3.4.5/", "http://256.1.1.1/", "http://[fe80::1%25eth0]/", "http://[::1/", "http://exa_mple.com/",
        "http://-bad.example.com/", "https://example.com:0/", "https://example.com:70000/", "https://example.com/#fragment",
        "https://ex%61mple.com/", "https://example.com/" + String(repeating: "a", count: 2048),
    ]

    @Test(arguments: WebhookTargetTests.malformed)
    func malformedURLsAreRefusedEvenWhenPrivateTargetsAreAllowed(url: String) {
        #expect(throws: ValidationError.self) { try WebhookTarget(validating: url, allowPrivateTargets: true) }
    }

    @Test func publicTargetsAreAcceptedAndTakenApart() throws {
        let target = try WebhookTarget(validating: " https://Hooks.Example.com:8443/in/coordinaitor?team=a%20b ", allowPrivateTargets: false)
        #expect(target.url == "https://Hooks.Example.com:8443/in/coordinaitor?team=a%20b")
        #expect(target.scheme == .https)
        #expect(target.host == .name("hooks.example.com"))
        #expect(target.port == 8443)
        #expect(target.pathAndQuery == "/in/coordinaitor?team=a%20b")
        #expect(target.hostHeader == "hooks.example.com:8443")

        let literal = try WebhookTarget(validating: "http://203.0.114.7", allowPrivateTargets: false)
        #expect(literal.host == .address(IPAddress.v4(0xCB00_7207)))
        #expect(literal.port == 80)
        #expect(literal.pathAndQuery == "/")
        #expect(literal.hostHeader == "203.0.114.7")

        let v6 = try WebhookTarget(validating: "https://[2606:4700::6810:85e5]/x", allowPrivateTargets: false)
        #expect(v6.hostText == "[2606:4700::6810:85e5]")
        // The length limit is inclusive.
        let longest = "https://example.com/" + String(repeating: "a", count: WebhookTarget.maximumLength - 20)
        #expect(try WebhookTarget(validating: longest, allowPrivateTargets: false).url.utf8.count == WebhookTarget.maximumLength)
    }

    @Test(arguments: [
        ("8.8.8.8", IPAddress.Scope.public), ("127.0.0.1", .loopback), ("10.0.0.1", .privateNetwork), ("172.15.255.255", .public),
        ("172.16.0.0", .privateNetwork), ("172.32.0.0", .public), ("192.168.0.1", .privateNetwork), ("169.254.1.1", .linkLocal),
        ("0.0.0.0", .unspecified), ("100.64.0.1", .sharedAddressSpace), ("100.128.0.1", .public), ("224.0.0.251", .multicast),
        ("192.0.2.1", .reserved), ("255.255.255.255", .reserved), ("::", .unspecified), ("::1", .loopback), ("fe80::1", .linkLocal),
        ("febf::1", .linkLocal), ("fc00::1", .uniqueLocal), ("fdff::1", .uniqueLocal), ("ff02::1", .multicast),
        ("2001:db8::1", .reserved), ("2606:4700::1", .public), ("::ffff:8.8.8.8", .public), ("::ffff:192.168.0.1", .privateNetwork),
        ("64:ff9b::7f00:1", .loopback), ("2002:7f00:1::", .loopback), ("2002:c0a8:101::1", .privateNetwork),
        ("2002:808:808::1", .public), ("2001:0:4136:e378::1", .reserved), ("64:ff9b:1::a", .reserved), ("100::1", .reserved),
    ])
    func addressesAreClassified(text: String, scope: IPAddress.Scope) throws {
        let address = try #require(IPAddress(text))
        #expect(address.scope == scope)
        #expect(WebhookTarget.permits(address, allowPrivateTargets: false) == (scope == .public))
        #expect(WebhookTarget.permits(address, allowPrivateTargets: true))
    }

    @Test func addressesParseAndPrintCanonically() {
        #expect(IPAddress("2001:0db8:0000:0000:0000:0000:0000:0001")?.description == "2001:db8::1")
        #expect(IPAddress("::ffff:10.0.0.1") == IPAddress("::ffff:a00:1"))
        #expect(IPAddress("1:0:0:2:0:0:0:3")?.description == "1:0:0:2::3")
        #expect(IPAddress(bytes: [192, 0, 2, 33]) == IPAddress("192.0.2.33"))
        #expect(IPAddress(bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) == IPAddress("::1"))
        for invalid in ["", "1.2.3", "01.2.3.4", "1.2.3.256", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "::g"] {
            #expect(IPAddress(invalid) == nil, "\(invalid)")
        }
    }

    @Test func newWebhookValidatesEveryFieldAtOnce() throws {
        let scope = TenantScope(organizationID: OrganizationID(UUID()))
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let draft = NewWebhook(url: "http://10.0.0.1/", events: [], description: String(repeating: "x", count: 10_001))
        do {
            _ = try draft.webhook(id: WebhookID(UUID()), in: scope, secret: "s", at: now, allowPrivateTargets: false)
            Issue.record("Expected a validation error")
        } catch {
            #expect(Set(error.issues.map(\.field)) == ["url", "events", "description"])
        }
        let webhook = try NewWebhook(url: " https://hooks.example.com/x ", events: [.taskCreated], description: "  ")
            .webhook(id: WebhookID(UUID()), in: scope, secret: "s", at: now, allowPrivateTargets: false)
        #expect(webhook.url == "https://hooks.example.com/x")
        #expect(webhook.description == nil)
        #expect(webhook.active)
        #expect(webhook.organizationID == scope.organizationID)
        #expect(Webhook.events(fromStored: webhook.storedEvents) == [.taskCreated])
        #expect(Webhook.events(fromStored: "task.created,task.nope") == nil)
    }
}
