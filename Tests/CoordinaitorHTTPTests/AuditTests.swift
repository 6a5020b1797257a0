import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import CoordinaitorTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing

/// The audit log through the API: what is recorded, with which fields and in which organization, who may read it,
/// export, verification and retention.
@Suite("Audit log")
struct AuditTests {
    static let multiTenant = ["MULTI_TENANT_ENABLED": "true"]

    /// The entries of `organization`'s log matching `query` (such as `action=project.*`), read through the API.
    static func entries(
        _ client: some TestClientProtocol, of organization: OrganizationID, token: String, query: String
    ) async throws -> [JSONValue] {
        let response = try await client.send(.get, "/api/organizations/\(organization)/audit-logs?limit=100&\(query)", token: token)
        #expect(response.status == .ok, "\(response.text)")
        return try response.json["items"]?.array ?? []
    }

    @Test(arguments: TestBackend.allCases)
    func userActionsAreRecordedWithActorTargetAndOrganization(backend: TestBackend) async throws {
        try await TestServer(environment: Self.multiTenant, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            let acme = data.acme
            let created = try await client.send(.post, "/api/projects", host: "acme.localhost", token: acme.token, json: #"{"name":"Audited"}"#)
            #expect(created.status == .created)
            let projectID = try #require(try created.json["id"]?.string)
            #expect(
                try await client.send(
                    .patch, "/api/projects/\(projectID)", host: "acme.localhost", token: acme.token, json: #"{"status":"paused"}"#
                ).status == .ok)
            #expect(try await client.send(.delete, "/api/projects/\(projectID)", host: "acme.localhost", token: acme.token).status == .noContent)
            let key = try await client.send(
                .post, "/api/organizations/\(acme.organization.id)/api-keys", token: acme.token, json: #"{"name":"ci","scopes":["read"]}"#)
            #expect(key.status == .created)

            let projectEvents = try await Self.entries(client, of: acme.organization.id, token: acme.token, query: "action=project.*&actorType=user")
            #expect(projectEvents.compactMap { $0["action"]?.string } == ["project.deleted", "project.updated", "project.created"])
            for event in projectEvents {
                #expect(event["organizationId"]?.string == acme.organization.id.description)
                #expect(event["actor"]?["type"]?.string == "user")
                #expect(event["actor"]?["id"]?.string == acme.owner.id.description)
                #expect(event["actor"]?["email"]?.string == acme.owner.email)
                #expect(event["target"]?["type"]?.string == "project")
                #expect(event["target"]?["id"]?.string == projectID)
                #expect(event["result"]?.string == "success")
                #expect((event["requestId"]?.string ?? "").isEmpty == false)
                #expect((event["mac"]?.string ?? "").count == 64)
            }
            let sequences = projectEvents.compactMap { $0["sequence"]?.number }
            #expect(sequences == sequences.sorted(by: >))

            let keyEvents = try await Self.entries(client, of: acme.organization.id, token: acme.token, query: "action=api_key.created")
            #expect(keyEvents.count == 1)
            #expect(keyEvents.first?["metadata"]?["scopes"]?.string == "read")

            // API calls: method, route template, status, latency, actor.
            let calls = try await Self.entries(client, of: acme.organization.id, token: acme.token, query: "action=api.request")
            let deletion = calls.first { $0["metadata"]?["method"]?.string == "DELETE" }
            #expect(deletion?["metadata"]?["route"]?.string == "/api/projects/{id}")
            #expect(deletion?["metadata"]?["status"]?.string == "204")
            #expect(Double(deletion?["metadata"]?["latencyMs"]?.string ?? "") != nil)
            #expect(deletion?["actor"]?["id"]?.string == acme.owner.id.description)

            // Nothing of acme's shows in globex's log, and globex's owner cannot read acme's.
            let globexLog = try await Self.entries(client, of: data.globex.organization.id, token: data.globex.token, query: "")
            #expect(globexLog.allSatisfy { $0["organizationId"]?.string == data.globex.organization.id.description })
            #expect(!globexLog.contains { $0["target"]?["id"]?.string == projectID })
            let foreign = try await client.send(.get, "/api/organizations/\(acme.organization.id)/audit-logs", token: data.globex.token)
            #expect(foreign.problemCode == "cross_tenant_access_denied")
        }
    }

    @Test func accessAttemptsAreRecordedInTheTargetedOrganizationAndThePlatform() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            let root = try await TwoTenants.member(components, of: nil, role: .owner, email: "root@platform.test", isSuperAdmin: true)
            let viewer = try await TwoTenants.member(components, of: data.acme, role: .viewer, email: "viewer@acme.test")
            return (data, root.token, viewer.token)
        }) { client, services, seeded in
            let (data, rootToken, viewerToken) = seeded
            let acme = data.acme.organization.id
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost").status == .unauthorized)
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.globex.token).status == .forbidden)
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: rootToken).status == .ok)
            let write = try await client.send(.post, "/api/projects", host: "acme.localhost", token: viewerToken, json: #"{"name":"No"}"#)
            #expect(write.problemCode == "permission_denied")
            _ = try await services.organizations.setStatus(.suspended, of: .id(data.globex.organization.id))
            #expect(try await client.send(.get, "/api/tasks", host: "globex.localhost", token: data.globex.token).problemCode == "tenant_inactive")

            let denied = try await Self.entries(client, of: acme, token: data.acme.token, query: "result=denied")
            let actions = Set(denied.compactMap { $0["action"]?.string })
            #expect(actions.isSuperset(of: ["access.unauthenticated", "access.cross_tenant_denied", "access.permission_denied"]))
            let crossing = denied.first { $0["action"]?.string == "access.cross_tenant_denied" }
            #expect(crossing?["actor"]?["email"]?.string == data.globex.owner.email)
            #expect(crossing?["metadata"]?["attempted"]?.string == "GET /api/tasks")
            let anonymous = denied.first { $0["action"]?.string == "access.unauthenticated" }
            #expect(anonymous?["actor"]?["type"]?.string == "anonymous")

            let crossings = try await Self.entries(client, of: acme, token: data.acme.token, query: "action=access.super_admin_crossing")
            #expect(crossings.count == 1)
            #expect(crossings.first?["actor"]?["email"]?.string == "root@platform.test")

            // The platform log (super admins only) has the refusal and the crossing too, and the suspended tenant's attempt
            // is in globex's own chain.
            let platform = try await client.send(.get, "/api/admin/audit-logs?organizationId=&action=access.*", token: rootToken)
            #expect(platform.status == .ok)
            let platformActions = Set(try platform.json["items"]?.array.compactMap { $0["action"]?.string } ?? [])
            #expect(platformActions.isSuperset(of: ["access.cross_tenant_denied", "access.super_admin_crossing"]))
            let inactive = try await client.send(
                .get, "/api/admin/audit-logs?organizationId=\(data.globex.organization.id)&action=access.inactive_tenant", token: rootToken)
            #expect(try inactive.json["items"]?.array.count == 1)
            #expect(try await client.send(.get, "/api/admin/audit-logs", token: data.acme.token).problemCode == "super_admin_required")
        }
    }

    @Test func limitsFeaturesAndRateLimitsAreRecorded() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components, tier: .free)
            var overrides = PlanOverrides()
            // One token a minute: a slow machine cannot refill the bucket between the requests below.
            overrides.rateLimit = RateLimitPolicy(requestsPerHour: 60, burst: 3)
            let globex = try await components.setOverrides(overrides, of: data.globex.organization)
            return (data, globex)
        }) { client, services, seeded in
            let (data, globex) = seeded
            let acme = data.acme
            // Free: two projects, one taken by the seed.
            #expect(try await client.send(.post, "/api/projects", host: "acme.localhost", token: acme.token, json: #"{"name":"Two"}"#).status == .created)
            let third = try await client.send(.post, "/api/projects", host: "acme.localhost", token: acme.token, json: #"{"name":"Three"}"#)
            #expect(third.problemCode == "limit_exceeded")
            let webhook = try await client.send(
                .post, "/api/webhooks", host: "acme.localhost", token: acme.token, json: #"{"url":"https://example.com/h","events":["task.created"]}"#)
            #expect(webhook.problemCode == "feature_not_available")
            var limited = false
            for _ in 0..<6 where !limited {
                let response = try await client.send(.get, "/api/tasks", host: "globex.localhost", token: data.globex.token)
                limited = response.problemCode == "rate_limited"
            }
            #expect(limited)

            let exceeded = try await Self.entries(client, of: acme.organization.id, token: acme.token, query: "action=limit.exceeded")
            #expect(exceeded.first?["target"]?["id"]?.string == "projects")
            #expect(exceeded.first?["metadata"]?["maximum"]?.string == "2")
            #expect(exceeded.first?["result"]?.string == "denied")
            let feature = try await Self.entries(client, of: acme.organization.id, token: acme.token, query: "action=access.feature_denied")
            #expect(feature.count == 1)
            await services.audit.flush()
            let rate = try await services.auditLog.list(AuditQuery(chain: AuditChain(globex.id), action: "access.rate_limited"))
            #expect(rate.items.count >= 1)
            #expect(rate.items.first?.event.actor.id == data.globex.owner.id.description)
        }
    }

    @Test func organizationChangesAndSignInsAreRecorded() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            let root = try await TwoTenants.member(components, of: nil, role: .owner, email: "root@platform.test", isSuperAdmin: true)
            return (data, root.token)
        }) { client, _, seeded in
            let (data, rootToken) = seeded
            let acme = data.acme.organization.id
            let settings = try await client.send(.patch, "/api/organizations/\(acme)", token: data.acme.token, json: #"{"displayName":"ACME Inc."}"#)
            #expect(settings.status == .ok)
            #expect(try await client.send(.put, "/api/organizations/\(acme)/tier", token: rootToken, json: #"{"tier":"enterprise"}"#).status == .ok)
            let wrong = try await client.send(
                .post, "/api/auth/login", json: #"{"email":"owner@acme.test","password":"not the password at all"}"#)
            #expect(wrong.status == .unauthorized)

            let changes = try await Self.entries(client, of: acme, token: data.acme.token, query: "action=organization.*")
            let tier = changes.first { $0["action"]?.string == "organization.tier_changed" }
            #expect(tier?["metadata"]?["from"]?.string == "professional")
            #expect(tier?["metadata"]?["to"]?.string == "enterprise")
            #expect(tier?["actor"]?["email"]?.string == "root@platform.test")
            #expect(changes.contains { $0["action"]?.string == "organization.settings_changed" && $0["metadata"]?["fields"]?.string == "displayName" })

            let failed = try await client.send(.get, "/api/admin/audit-logs?organizationId=&action=auth.sign_in_failed", token: rootToken)
            let attempt = try failed.json["items"]?.array.first
            #expect(attempt?["metadata"]?["email"]?.string == "owner@acme.test")
            #expect(attempt?["metadata"]?["reason"]?.string == "wrong_password")
            #expect(attempt?["result"]?.string == "denied")
            // No password, hash or token is ever part of an entry.
            #expect(!failed.text.contains("not the password"))
        }
    }

    @Test func filtersAndCursorsWalkTheLog() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            let acme = data.acme
            for index in 0..<7 {
                let body = #"{"title":"Task \#(index)","projectId":"\#(acme.project.id)"}"#
                #expect(try await client.send(.post, "/api/tasks", host: "acme.localhost", token: acme.token, json: body).status == .created)
            }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let query = "action=task.created&limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.send(.get, "/api/organizations/\(acme.organization.id)/audit-logs?\(query)", token: acme.token).json
                seen += page["items"]?.array.compactMap { $0["id"]?.string } ?? []
                cursor = page["nextCursor"]?.string
            } while cursor != nil
            // Seven through the API plus the seeded task.
            #expect(seen.count == 8)
            #expect(Set(seen).count == 8)

            let byActor = try await Self.entries(client, of: acme.organization.id, token: acme.token, query: "action=task.created&actor=\(acme.owner.email)")
            #expect(byActor.count == 7)
            let future = try await Self.entries(client, of: acme.organization.id, token: acme.token, query: "from=2999-01-01")
            #expect(future.isEmpty)
            for bad in ["cursor=abc", "from=yesterday", "result=maybe", "action=DROP%20TABLE", "from=2026-02-01&to=2026-01-01"] {
                let response = try await client.send(.get, "/api/organizations/\(acme.organization.id)/audit-logs?\(bad)", token: acme.token)
                #expect(response.problemCode == "invalid_query_parameter", "\(bad)")
            }
        }
    }

    @Test func exportsNeedTheFeatureAndStreamJSONLinesAndCSV() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            let starter = try await components.services.organizations.update(data.globex.organization.id) { current in
                var changed = current
                changed.tier = .starter
                return changed
            }
            return (data, starter)
        }) { client, _, seeded in
            let (data, _) = seeded
            let acme = data.acme.organization.id
            let lines = try await client.send(.get, "/api/organizations/\(acme)/audit-logs/export?action=task.*", token: data.acme.token)
            #expect(lines.status == .ok)
            #expect(lines.headers[.contentType] == "application/x-ndjson")
            let objects = lines.text.split(separator: "\n").map { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
            #expect(!objects.isEmpty)
            #expect(objects.allSatisfy { $0?["action"]?.string?.hasPrefix("task.") == true })

            let csv = try await client.send(.get, "/api/organizations/\(acme)/audit-logs/export?format=csv", token: data.acme.token)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let rows = csv.text.split(separator: "\r\n")
            #expect(rows.first == "id,organizationId,sequence,occurredAt,actorType,actorId,actorEmail,action,targetType,targetId,result,ip,userAgent,requestId,metadata,mac")
            #expect(rows.count > 2)

            let gated = try await client.send(.get, "/api/organizations/\(data.globex.organization.id)/audit-logs/export", token: data.globex.token)
            #expect(gated.problemCode == "feature_not_available")
            // Reading the log is not gated: only exporting is.
            #expect(try await client.send(.get, "/api/organizations/\(data.globex.organization.id)/audit-logs", token: data.globex.token).status == .ok)
            let exports = try await Self.entries(client, of: acme, token: data.acme.token, query: "action=audit.exported")
            #expect(exports.count == 2)
        }
    }

    @Test func verificationReportsAnIntactChain() async throws {
        try await TestServer(environment: Self.multiTenant).run(seed: TwoTenants.seed) { client, _, data in
            for _ in 0..<3 { _ = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token) }
            let verify = try await client.send(.get, "/api/organizations/\(data.acme.organization.id)/audit-logs/verify", token: data.acme.token)
            #expect(verify.status == .ok)
            #expect(try verify.json["intact"] == .bool(true))
            #expect((try verify.number("checkedEntries") ?? 0) >= 4)
            #expect(try verify.json["firstBrokenSequence"] == nil || verify.json["firstBrokenSequence"] == .null)
        }
    }

    /// Someone with access to the database file edits and deletes entries (after dropping the append-only trigger):
    /// verification through the API names the first broken sequence number and what is wrong.
    @Test func verificationFindsEditedAndDeletedRows() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-tamper-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = Self.multiTenant.merging(["DATA_DIR": directory.path]) { $1 }
        try await TestServer(environment: environment).run(seed: TwoTenants.seed) { client, services, data in
            for _ in 0..<4 {
                _ = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token)
                _ = try await client.send(.get, "/api/tasks", host: "globex.localhost", token: data.globex.token)
            }
            await services.audit.flush()
            let database = RawDatabase.sqlite(path: directory.appendingPathComponent("coordinaitor.sqlite").path, logger: Logger(label: "test"))
            let acme = data.acme.organization.id
            let globex = data.globex.organization.id
            func verify(_ organization: OrganizationID, token: String) async throws -> JSONValue {
                try await client.send(.get, "/api/organizations/\(organization)/audit-logs/verify", token: token).json
            }
            #expect(try await verify(acme, token: data.acme.token)["intact"] == .bool(true))

            // The table refuses updates…
            await #expect(throws: (any Error).self) {
                try await database.execute("UPDATE audit_logs SET action = 'task.deleted' WHERE organization_id = '\(acme)' AND sequence = 2")
            }
            // …until the trigger is dropped. An edited entry breaks the chain at its own sequence number.
            try await database.execute("DROP TRIGGER audit_logs_append_only")
            try await database.execute("UPDATE audit_logs SET actor_email = 'someone@else.test' WHERE organization_id = '\(acme)' AND sequence = 3")
            let edited = try await verify(acme, token: data.acme.token)
            #expect(edited["intact"] == .bool(false))
            #expect(edited["firstBrokenSequence"]?.number == 3)
            #expect(edited["problem"]?.string == "mac_mismatch")

            // A deleted entry in the middle, and deleted newest entries, show as missing.
            try await database.execute("DELETE FROM audit_logs WHERE organization_id = '\(globex)' AND sequence = 5")
            let deleted = try await verify(globex, token: data.globex.token)
            #expect(deleted["firstBrokenSequence"]?.number == 5)
            #expect(deleted["problem"]?.string == "missing_entries")
            await services.audit.flush()
            try await database.execute(
                "DELETE FROM audit_logs WHERE organization_id = '' AND sequence = (SELECT max(sequence) FROM audit_logs WHERE organization_id = '')")
            let platform = try await services.auditLog.verify(.platform)
            #expect(!platform.intact)
            #expect(platform.firstBrokenSequence == platform.lastSequence)
            #expect(platform.problem == .missingEntries)
        }
    }

    @Test func retentionPrunesByTierAndTheChainStillVerifies() async throws {
        let time = ManualTimeSource(Date())
        try await TestServer(environment: Self.multiTenant, time: time).run(seed: { components in
            let data = try await TwoTenants.seed(components)
            let free = try await components.services.organizations.update(data.globex.organization.id) { current in
                var changed = current
                changed.tier = .free
                return changed
            }
            return (data, free)
        }) { client, services, seeded in
            let (data, _) = seeded
            _ = try await client.send(.get, "/api/tasks", host: "globex.localhost", token: data.globex.token)
            _ = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token)
            await services.audit.flush()
            let globexChain = AuditChain(data.globex.organization.id)
            let acmeChain = AuditChain(data.acme.organization.id)
            let globexBefore = try await services.auditLog.list(AuditQuery(chain: globexChain, page: PageRequest(limit: 100))).items.count
            let acmeBefore = try await services.auditLog.list(AuditQuery(chain: acmeChain, page: PageRequest(limit: 100))).items.count

            // 31 days on: past the free tier's 30, within the professional tier's 365.
            time.advance(by: 31 * 86400)
            let pruned = try await services.auditLog.pruneExpired(organizations: services.store.organizations)
            #expect(pruned[globexChain] == globexBefore)
            #expect(pruned[acmeChain] == nil)
            await services.audit.flush()
            // What is left of globex's chain is the prune's own record, and it verifies from the recorded boundary.
            let left = try await services.auditLog.list(AuditQuery(chain: globexChain, page: PageRequest(limit: 100))).items
            #expect(left.map(\.event.action) == [.auditPruned])
            #expect(left.first?.sequence == Int64(globexBefore) + 1)
            let verification = try await services.auditLog.verify(globexChain)
            #expect(verification.intact)
            #expect(verification.firstSequence == Int64(globexBefore) + 1)
            #expect(try await services.auditLog.list(AuditQuery(chain: acmeChain, page: PageRequest(limit: 100))).items.count == acmeBefore)
            let response = try await client.send(.get, "/api/organizations/\(data.globex.organization.id)/audit-logs/verify", token: data.globex.token)
            #expect(try response.json["intact"] == .bool(true))
        }
    }
}
