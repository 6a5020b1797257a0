import CoordinaitorDomain
import Testing

extension StorageContract {
    /// Each filter alone and combined, on one chain and across all: exact and prefix actions (with `_` and `%` taken
    /// literally, and case kept), actor by id or email, actor type, result, and the time range's bounds.
    static func auditQueryFilters(_ store: any DataStore) async throws {
        let acme = AuditChain.ofNewOrganization()
        let globex = AuditChain.ofNewOrganization()
        let bob = AuditActor(type: .user, id: "user-bob", email: "bob@example.com")
        let key = AuditActor(type: .apiKey, id: "key-1")
        func event(_ action: AuditAction, _ chain: AuditChain, at milliseconds: Int64, actor: AuditActor = ContractFixtures.auditActor,
                   result: AuditResult = .success) -> AuditEvent {
            ContractFixtures.auditEvent(action, in: chain.organizationID, at: milliseconds, actor: actor, result: result)
        }
        let entries = try await store.appendAudit([
            event(.userSignedIn, .platform, at: 50),
            event(.taskCreated, acme, at: 100),
            event(.taskCreated, globex, at: 150),
            event(.taskUpdated, acme, at: 200, actor: key),
            event(.permissionDenied, acme, at: 300, actor: bob, result: .denied),
            event(.apiKeyCreated, acme, at: 400),
            event("apixkey.created", acme, at: 410),
            event("100%.done", acme, at: 420),
            event("100x.done", acme, at: 430),
            event("Task.Created", acme, at: 500),
            event(.taskDeleted, acme, at: 600, actor: .system, result: .failure),
        ])
        let (signIn, acmeCreated, globexCreated, updated, denied, apiKey, apixKey, percent, hundredX, upperCase, deleted) = (
            entries[0], entries[1], entries[2], entries[3], entries[4], entries[5], entries[6], entries[7], entries[8], entries[9],
            entries[10]
        )
        let acmeEntries = [acmeCreated, updated, denied, apiKey, apixKey, percent, hundredX, upperCase, deleted]

        func expect(_ query: AuditQuery, _ expected: [AuditEntry], sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let found = try await store.audit.query(query)
            #expect(found.items.map(\.event.action) == newestFirst(expected).map(\.event.action), sourceLocation: sourceLocation)
            #expect(found.items == newestFirst(expected), sourceLocation: sourceLocation)
            #expect(found.nextCursor == nil, sourceLocation: sourceLocation)
        }
        let limit = PageRequest(limit: 100)
        try await expect(AuditQuery(chain: acme, page: limit), acmeEntries)
        try await expect(AuditQuery(chain: nil, page: limit), entries)
        try await expect(AuditQuery(chain: .platform, page: limit), [signIn])
        try await expect(AuditQuery(chain: acme, action: "task.created", page: limit), [acmeCreated])
        try await expect(AuditQuery(chain: nil, action: "task.created", page: limit), [acmeCreated, globexCreated])
        try await expect(AuditQuery(chain: acme, action: "task.*", page: limit), [acmeCreated, updated, deleted])
        try await expect(AuditQuery(chain: acme, action: "api_key.*", page: limit), [apiKey])
        try await expect(AuditQuery(chain: acme, action: "100%.*", page: limit), [percent])
        try await expect(AuditQuery(chain: acme, action: "*", page: limit), acmeEntries)
        try await expect(AuditQuery(chain: acme, action: "task", page: limit), [])
        try await expect(AuditQuery(chain: acme, actor: "user-bob", page: limit), [denied])
        try await expect(AuditQuery(chain: acme, actor: "bob@example.com", page: limit), [denied])
        try await expect(
            AuditQuery(chain: nil, actor: "user-ann", page: limit),
            [signIn, acmeCreated, globexCreated, apiKey, apixKey, percent, hundredX, upperCase]
        )
        try await expect(AuditQuery(chain: acme, actorType: .apiKey, page: limit), [updated])
        try await expect(AuditQuery(chain: acme, actorType: .system, page: limit), [deleted])
        try await expect(AuditQuery(chain: acme, result: .denied, page: limit), [denied])
        try await expect(AuditQuery(chain: acme, result: .failure, page: limit), [deleted])
        try await expect(AuditQuery(chain: acme, from: TestDates.at(200), until: TestDates.at(300), page: limit), [updated])
        try await expect(AuditQuery(chain: acme, from: TestDates.at(500), page: limit), [upperCase, deleted])
        try await expect(AuditQuery(chain: acme, until: TestDates.at(200), page: limit), [acmeCreated])
        try await expect(AuditQuery(chain: nil, until: TestDates.at(150), page: limit), [signIn, acmeCreated])
        try await expect(
            AuditQuery(chain: acme, action: "task.*", actor: "user-ann", actorType: .user, result: .success, from: TestDates.at(0),
                       until: TestDates.at(1_000), page: limit),
            [acmeCreated]
        )
        try await expect(AuditQuery(chain: nil, action: "access.*", actor: "bob@example.com", result: .denied, page: limit), [denied])
        try await expect(AuditQuery(chain: globex, action: "access.*", page: limit), [])
    }

    /// Pages walk every entry exactly once, newest first by position, on one chain and across all; the cursor is
    /// checked before it is used.
    static func auditQueryPaginatesNewestFirst(_ store: any DataStore) async throws {
        let acme = AuditChain.ofNewOrganization()
        let globex = AuditChain.ofNewOrganization()
        var appended: [AuditEntry] = []
        for round in 0..<4 {
            let start = Int64(round * 10)
            appended += try await store.appendAudit(4, to: acme, from: start)
            appended += try await store.appendAudit(round + 1, to: globex, from: start)
            appended += try await store.appendAudit(1, to: .platform, from: start)
        }

        let all = try await collectPages(limit: 5) { try await store.audit.query(AuditQuery(chain: nil, page: $0)) }
        #expect(all == newestFirst(appended))
        #expect(all.count == 30)
        let acmeOnly = try await collectPages(limit: 3) { try await store.audit.query(AuditQuery(chain: acme, page: $0)) }
        #expect(acmeOnly == newestFirst(appended.filter { $0.event.chain == acme }))
        let globexTasks = try await collectPages(limit: 4) { try await store.audit.query(AuditQuery(chain: globex, action: "task.*", page: $0)) }
        #expect(globexTasks.map(\.sequence) == Array((1...10).reversed()))

        let firstPage = try await store.audit.query(AuditQuery(chain: nil, page: PageRequest(limit: 30)))
        #expect(firstPage.items.count == 30)
        #expect(firstPage.nextCursor == nil)
        for cursor in ["abc", "", "-1", "0", "1.5", " 7", "07", "99999999999999999999"] {
            await #expect(throws: ValidationError.self, "cursor '\(cursor)'") {
                _ = try await store.audit.query(AuditQuery(chain: nil, page: PageRequest(after: cursor)))
            }
        }
    }

    /// The order of every audit listing: highest position first.
    private static func newestFirst(_ entries: [AuditEntry]) -> [AuditEntry] {
        entries.sorted { $0.position > $1.position }
    }
}
