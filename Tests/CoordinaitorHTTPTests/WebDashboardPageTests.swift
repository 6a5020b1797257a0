import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Dashboard pages and forms")
struct WebDashboardPageTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]
    static let acmeHost = "acme.localhost:8080"
    static let pages = ["/dashboard", "/dashboard/usage", "/dashboard/members", "/dashboard/billing", "/dashboard/settings",
        "/dashboard/api-keys", "/dashboard/webhooks", "/dashboard/audit", "/dashboard/stats"]

    @Test(arguments: TestBackend.allCases)
    func everyPageRendersForTheOwnerWithNothingOfTheOtherOrganization(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            var browser = try await WebBrowser.signIn(client, host: Self.acmeHost, email: data.acme.owner.email)
            for page in Self.pages {
                let response = try await browser.get(page)
                #expect(response.status == .ok, "\(page)")
                #expect(response.text.contains("id=\"brand-name\">Acme-Corp<"), "\(page) wears acme's name")
                for id in data.globex.identifiers { #expect(!response.text.contains(id), "\(page) shows globex's \(id)") }
                #expect(!response.text.contains("globex"), "\(page)")
            }
            let overview = try await browser.get("/dashboard")
            #expect(overview.element(id: "tier") == "professional")
            #expect(overview.element(id: "member-count") == "1")
        }
    }

    @Test func usageBarsShowTheCountersWithTheirLevels() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: .free)
            // Free tier: 5 users, 2 projects, 100 tasks a month. Four users (80%: amber), two projects (100%: red).
            for index in 1...3 {
                _ = try await TwoTenants.member(components, of: data.acme, role: .member, email: "member\(index)@acme.test")
            }
            _ = try await components.services.projects.create(in: data.acme.organization, NewProject(name: "second"))
            return data
        }) { client, _, data in
            var browser = try await WebBrowser.signIn(client, host: Self.acmeHost, email: data.acme.owner.email)
            let bars = try await browser.get("/dashboard/usage").usageBars
            #expect(bars["users"]?.level == "warning")
            #expect(bars["users"]?.used == "4")
            #expect(bars["users"]?.maximum == "5")
            #expect(bars["projects"]?.level == "critical")
            #expect(bars["agents"]?.level == "normal")
            #expect(bars["tasksPerMonth"]?.used == "1")
            #expect(bars["tasksPerMonth"]?.maximum == "100")
            // The overview lists the limits close to full.
            let overview = try await browser.get("/dashboard").usageBars
            #expect(Set(overview.keys) == ["users", "projects"])
        }
    }

    @Test func unlimitedLimitsShowInfinity() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { try await TwoTenants.seed($0, tier: .enterprise) }) { client, _, data in
            var browser = try await WebBrowser.signIn(client, host: Self.acmeHost, email: data.acme.owner.email)
            let usage = try await browser.get("/dashboard/usage")
            #expect(usage.usageBars["projects"]?.level == "unlimited")
            #expect(usage.usageBars["projects"]?.maximum == "unlimited")
            #expect(usage.text.contains("1 / ∞"))
            #expect(usage.text.contains("class=\"history-chart\""))
        }
    }

    @Test func anOwnerInvitesChangesARoleAndRemovesAMemberWithTheAPIsRules() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            let admin = try await TwoTenants.member(components, of: data.acme, role: .admin, email: "admin@acme.test")
            let member = try await TwoTenants.member(components, of: data.acme, role: .member, email: "member@acme.test")
            return (data, admin.user, member.user)
        }) { client, services, seeded in
            let (data, admin, member) = seeded
            var owner = try await WebBrowser.signIn(client, host: Self.acmeHost, email: data.acme.owner.email)
            try await owner.get("/dashboard/members")
            let invited = try await owner.post("/dashboard/members/invite", ["email": "new.person@acme.test", "role": "viewer"])
            #expect(invited.status == .seeOther)
            #expect(invited.headers[.location] == "/dashboard/members?done=invited")
            let shown = try await owner.get("/dashboard/members?done=invited")
            let token = try #require(shown.element(id: "invitation-token"))
            #expect(shown.text.contains("Invitation sent."))
            #expect(try await owner.get("/dashboard/members").element(id: "invitation-token") == nil, "the token is shown once")
            #expect(try await owner.get("/dashboard/members").text.contains("new.person@acme.test"), "and the invitation is pending")
            // The link is real: the invited person signs in and joins through it.
            _ = try await services.identities.signUp(email: "new.person@acme.test", name: "New", password: TwoTenants.password)
            var newcomer = WebBrowser(client, host: Self.acmeHost)
            let toSignIn = try await newcomer.get("/invitations/accept?token=\(token)")
            #expect(toSignIn.headers[.location] == "/login?next=/invitations/accept%3Ftoken%3D\(token)")
            newcomer = try await WebBrowser.signIn(client, host: Self.acmeHost, email: "new.person@acme.test")
            let acceptForm = try await newcomer.get("/invitations/accept?token=\(token)")
            #expect(acceptForm.text.contains("value=\"\(token)\""))
            let joined = try await newcomer.post("/invitations/accept", ["token": token])
            #expect(joined.status == .seeOther)
            #expect(joined.headers[.location] == "//acme.localhost:8080/dashboard")
            let newcomerID = try #require(try await services.identities.find(email: "new.person@acme.test")?.id)
            #expect(try await services.store.memberships.find(in: TenantScope(data.acme.organization), userID: newcomerID)?.role == .viewer)
            #expect(try await newcomer.post("/invitations/accept", ["token": token]).status == .gone)

            let invalid = try await owner.post("/dashboard/members/invite", ["email": "not an email", "role": "member"])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains("Must be an email address."))

            let changed = try await owner.post("/dashboard/members/\(member.id)/role", ["role": "viewer"])
            #expect(changed.status == .seeOther)
            #expect(changed.headers[.location] == "/dashboard/members?done=role-changed")
            let scope = TenantScope(data.acme.organization)
            #expect(try await services.store.memberships.find(in: scope, userID: member.id)?.role == .viewer)

            // An admin cannot touch another admin or the owner: the form is not offered, and a forged post is refused.
            var adminBrowser = try await WebBrowser.signIn(client, host: Self.acmeHost, email: admin.email)
            let adminView = try await adminBrowser.get("/dashboard/members")
            #expect(!adminView.text.contains("/dashboard/members/\(data.acme.owner.id)/remove"))
            let refused = try await adminBrowser.post("/dashboard/members/\(data.acme.owner.id)/remove", [:])
            #expect(refused.status == .forbidden)
            #expect(try await services.store.memberships.find(in: scope, userID: data.acme.owner.id) != nil)

            let removed = try await owner.post("/dashboard/members/\(member.id)/remove", [:])
            #expect(removed.status == .seeOther)
            #expect(try await services.store.memberships.find(in: scope, userID: member.id) == nil)
        }
    }

    @Test func viewersSeeEverythingReadOnlyAndBillingSeesBillingOnly() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            _ = try await TwoTenants.member(components, of: data.acme, role: .viewer, email: "viewer@acme.test")
            _ = try await TwoTenants.member(components, of: data.acme, role: .billing, email: "billing@acme.test")
            return data
        }) { client, services, data in
            var viewer = try await WebBrowser.signIn(client, host: Self.acmeHost, email: "viewer@acme.test")
            for page in Self.pages {
                let response = try await viewer.get(page)
                #expect(response.status == .ok, "\(page)")
                #expect(!response.text.contains("<form method=\"post\" action=\"/dashboard"), "\(page) offers a form to a viewer")
            }
            #expect(try await viewer.get("/dashboard/settings").text.contains("fieldset disabled"))
            let forged = try await viewer.post("/dashboard/settings", ["displayName": "Viewer was here", "contactEmail": "v@acme.test"])
            #expect(forged.status == .forbidden)
            let invite = try await viewer.post("/dashboard/members/invite", ["email": "x@acme.test", "role": "viewer"])
            #expect(invite.status == .forbidden)
            #expect(try await services.organizations.find(.id(data.acme.organization.id))?.displayName == data.acme.organization.displayName)

            var billing = try await WebBrowser.signIn(client, host: Self.acmeHost, email: "billing@acme.test")
            let overview = try await billing.get("/dashboard")
            #expect(overview.status == .ok)
            #expect(!overview.text.contains("href=\"/dashboard/members\""))
            #expect(try await billing.get("/dashboard/billing").status == .ok)
            for hidden in ["/dashboard/members", "/dashboard/settings", "/dashboard/audit", "/dashboard/api-keys"] {
                #expect(try await billing.get(hidden).status == .forbidden, "\(hidden)")
            }
        }
    }

    @Test func featuresOutsideTheTierAreShownLockedAndRefused() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { try await TwoTenants.seed($0, tier: .starter) }) { client, services, data in
            var owner = try await WebBrowser.signIn(client, host: Self.acmeHost, email: data.acme.owner.email)
            let settings = try await owner.get("/dashboard/settings")
            #expect(settings.text.contains("id=\"branding-locked\""))
            #expect(settings.text.contains("the Professional tier unlocks it"))
            let branded = try await owner.post(
                "/dashboard/settings", ["displayName": "Acme", "contactEmail": "a@acme.test", "primaryColor": "#ff0000"])
            #expect(branded.status == .forbidden)
            #expect(branded.text.contains("custom_branding") || branded.text.contains("branding"))
            #expect(try await services.organizations.find(.id(data.acme.organization.id))?.settings.branding.primaryColor == nil)

            let webhooks = try await owner.get("/dashboard/webhooks")
            #expect(webhooks.text.contains("id=\"feature-locked\""))
            #expect(!webhooks.text.contains("id=\"new-webhook\""))
            let created = try await owner.post("/dashboard/webhooks", ["url": "https://example.com/hook", "event-task.created": "on"])
            #expect(created.status == .forbidden)
            let navigation = try await owner.get("/dashboard")
            #expect(navigation.text.contains("Webhooks <span class=\"locked\""))
        }
    }

    @Test func brandingChangesAreAppliedOnEveryPageAndNamesAreEscaped() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, services, data in
            var owner = try await WebBrowser.signIn(client, host: Self.acmeHost, email: data.acme.owner.email)
            try await owner.get("/dashboard/settings")
            let name = "<script>alert(1)</script> Ünïcødé 組織 🚀 " + String(repeating: "long", count: 20)
            let saved = try await owner.post(
                "/dashboard/settings",
                ["displayName": name, "contactEmail": "ops@acme.test", "primaryColor": "#B91C1C", "secondaryColor": "#123",
                 "logoURL": "https://cdn.acme.test/logo.svg"])
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/dashboard/settings?done=settings-saved")
            let page = try await owner.get("/dashboard/usage")
            #expect(page.text.contains("--brand-primary:#b91c1c;--brand-secondary:#123"))
            #expect(page.text.contains("src=\"https://cdn.acme.test/logo.svg\""))
            #expect(!page.text.contains("<script>alert(1)</script>"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ünïcødé 組織 🚀"))
            let nonce = try #require(page.headers[.contentSecurityPolicy]?.firstMatch(of: #/'nonce-([^']+)'/#)?.1)
            #expect(page.text.contains("<style nonce=\"\(nonce)\">"))

            let invalid = try await owner.post("/dashboard/settings", ["displayName": "Acme", "contactEmail": "ops@acme.test", "primaryColor": "red;}body{"])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains("Must be a hex colour"))
            #expect(try await services.organizations.find(.id(data.acme.organization.id))?.settings.branding.primaryColor == "#b91c1c")

            await services.audit.flush()
            let changes = try await services.auditLog.entries(in: AuditChain(data.acme.organization.id), action: "organization.settings_changed")
            #expect(changes.contains { $0.event.actor.email == data.acme.owner.email && $0.event.metadata["fields"]?.contains("settings") == true })
        }
    }

    @Test func apiKeysAndWebhooksAreCreatedOnceShownAndRevoked() async throws {
        try await TestServer(environment: Self.multiTenant.merging(["WEBHOOK_ALLOW_PRIVATE_TARGETS": "true"]) { $1 }).run(seed: TwoTenants.seed) {
            client, services, data in
            var owner = try await WebBrowser.signIn(client, host: Self.acmeHost, email: data.acme.owner.email)
            try await owner.get("/dashboard/api-keys")
            let created = try await owner.post("/dashboard/api-keys", ["name": "ci", "scope-read": "on", "expiresInDays": "30"])
            #expect(created.status == .seeOther)
            let shown = try await owner.get("/dashboard/api-keys?done=key-created")
            let secret = try #require(shown.text.firstMatch(of: #/<code class="secret">([^<]+)</code>/#)?.1)
            // The secret works against the API, in this organization only.
            let tasks = try await client.send(.get, "/api/tasks", host: Self.acmeHost, headers: [.init("X-API-Key")!: String(secret)])
            #expect(tasks.status == .ok)
            let keys = try await services.apiKeys.list(in: TenantScope(data.acme.organization), page: PageRequest())
            let key = try #require(keys.items.first)
            #expect(try await owner.get("/dashboard/api-keys").text.contains(key.prefix))
            #expect(!(try await owner.get("/dashboard/api-keys").text.contains(String(secret))), "the secret is shown once")
            let noScope = try await owner.post("/dashboard/api-keys", ["name": "none"])
            #expect(noScope.status == .unprocessableContent)
            let revoked = try await owner.post("/dashboard/api-keys/\(key.id)/revoke", [:])
            #expect(revoked.status == .seeOther)
            #expect(try await client.send(.get, "/api/tasks", host: Self.acmeHost, headers: [.init("X-API-Key")!: String(secret)]).status == .unauthorized)

            try await owner.get("/dashboard/webhooks")
            let hook = try await owner.post(
                "/dashboard/webhooks", ["url": "https://hooks.acme.test/in", "event-task.created": "on", "description": "CI"])
            #expect(hook.status == .seeOther)
            #expect(try await owner.get("/dashboard/webhooks").text.contains("id=\"secret-created\""))
            #expect(!(try await owner.get("/dashboard/webhooks").text.contains("id=\"secret-created\"")))
            let webhook = try #require(try await services.webhooks.list(in: TenantScope(data.acme.organization), page: PageRequest()).items.first)
            #expect(webhook.events == [.taskCreated])
            let deleted = try await owner.post("/dashboard/webhooks/\(webhook.id)/delete", [:])
            #expect(deleted.status == .seeOther)
            #expect(try await services.webhooks.list(in: TenantScope(data.acme.organization), page: PageRequest()).items.isEmpty)
        }
    }

    @Test func theAuditViewerFiltersTheOrganizationsOwnLog() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, services, data in
            var owner = try await WebBrowser.signIn(client, host: Self.acmeHost, email: data.acme.owner.email)
            await services.audit.flush()
            let all = try await owner.get("/dashboard/audit")
            #expect(all.status == .ok)
            #expect(all.text.contains("<code>task.created</code>"))
            let filtered = try await owner.get("/dashboard/audit?action=project.*")
            #expect(filtered.text.contains("<code>project.created</code>"))
            #expect(!filtered.text.contains("<code>task.created</code>"))
            #expect(try await owner.get("/dashboard/audit?from=yesterday").status == .badRequest)
            #expect(try await owner.get("/dashboard/audit?result=maybe").status == .badRequest)
        }
    }
}
