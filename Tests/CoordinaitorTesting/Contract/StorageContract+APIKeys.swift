import CoordinaitorDomain
import Foundation
import Testing

extension StorageContract {
    static func apiKeyLifecycle(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let key = try await store.apiKeys.create(
            in: acme.scope,
            ContractFixtures.apiKey("ci", in: acme.organization, createdBy: acme.owner, scopes: [.read, .write])
        )
        #expect(try await store.apiKeys.find(in: acme.scope, id: key.id) == key)
        #expect(try await store.apiKeys.find(prefix: key.prefix) == key)
        #expect(try await store.apiKeys.find(prefix: "cai_unknown") == nil)
        #expect(try await store.apiKeys.find(in: acme.scope, id: TestIDs.next()) == nil)
        #expect(try await store.apiKeys.list(in: acme.scope, page: .init()).items == [key])

        // A taken prefix is a conflict, and the failed insert leaves nothing behind.
        var clash = ContractFixtures.apiKey("clash", in: acme.organization, createdBy: acme.owner)
        clash.prefix = key.prefix
        await expectResourceError(.conflict, "api_key", field: "prefix") {
            _ = try await store.apiKeys.create(in: acme.scope, clash)
        }
        #expect(try await store.apiKeys.find(in: acme.scope, id: clash.id) == nil)

        // Revoking sets the time once; revoked keys stay listed and findable, so authentication can reject them.
        var revoked = key
        revoked.revokedAt = TestDates.at(7_000)
        #expect(try await store.apiKeys.revoke(in: acme.scope, id: key.id, at: TestDates.at(7_000)) == revoked)
        #expect(try await store.apiKeys.revoke(in: acme.scope, id: key.id, at: TestDates.at(8_000)) == revoked)
        #expect(try await store.apiKeys.find(prefix: key.prefix) == revoked)
        #expect(try await store.apiKeys.list(in: acme.scope, page: .init()).items == [revoked])
        await expectResourceError(.notFound, "api_key") {
            _ = try await store.apiKeys.revoke(in: acme.scope, id: TestIDs.next(), at: TestDates.at(9_000))
        }
    }

    static func apiKeyListAndRoundTrip(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let globex = try await OwnedOrganization.make("globex", in: store)
        _ = try await store.apiKeys.create(in: globex.scope, ContractFixtures.apiKey("other", in: globex.organization, createdBy: globex.owner))

        // Every set of scopes, with each optional date both set and unset.
        let allScopes = APIKeyScope.allCases
        var created: [APIKey] = []
        for mask in 0..<(1 << allScopes.count) {
            let scopes = Set(allScopes.indices.filter { mask & (1 << $0) != 0 }.map { allScopes[$0] })
            var key = ContractFixtures.apiKey("key \(mask)", in: acme.organization, createdBy: acme.owner, scopes: scopes)
            key.name = "quote ' and unicode 日本語 \(mask)"
            key.expiresAt = mask.isMultiple(of: 2) ? TestDates.at(90_000 + Int64(mask)) : nil
            key.lastUsedAt = mask.isMultiple(of: 3) ? TestDates.at(80_000 + Int64(mask)) : nil
            key.revokedAt = mask > 4 ? TestDates.at(85_000 + Int64(mask)) : nil
            created.append(try await store.apiKeys.create(in: acme.scope, key))
            #expect(try await store.apiKeys.find(in: acme.scope, id: key.id) == key)
            #expect(try await store.apiKeys.find(prefix: key.prefix) == key)
        }

        let newestFirst = created.sorted { $0.id > $1.id }
        for limit in [1, 3, 8, 100] {
            let listed = try await collectPages(limit: limit) { try await store.apiKeys.list(in: acme.scope, page: $0) }
            #expect(listed == newestFirst, "limit \(limit)")
        }
        await #expect(throws: ValidationError.self) {
            _ = try await store.apiKeys.list(in: acme.scope, page: PageRequest(after: "not-a-cursor"))
        }
    }

    static func apiKeysAreIsolatedByScope(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let globex = try await OwnedOrganization.make("globex", in: store)
        let acmeKey = try await store.apiKeys.create(in: acme.scope, ContractFixtures.apiKey("ci", in: acme.organization, createdBy: acme.owner))
        let globexKey = try await store.apiKeys.create(
            in: globex.scope,
            ContractFixtures.apiKey("ci", in: globex.organization, createdBy: globex.owner)
        )
        let foreign = globex.scope

        #expect(try await store.apiKeys.find(in: foreign, id: acmeKey.id) == nil)
        #expect(try await store.apiKeys.list(in: foreign, page: .init()).items == [globexKey])
        await expectResourceError(.notFound, "api_key") {
            _ = try await store.apiKeys.revoke(in: foreign, id: acmeKey.id, at: TestDates.at(7_000))
        }
        await #expect(throws: ScopeMismatchError.self) {
            _ = try await store.apiKeys.create(in: foreign, ContractFixtures.apiKey("sneaky", in: acme.organization, createdBy: acme.owner))
        }

        // Nothing of either organization changed.
        #expect(try await store.apiKeys.find(in: acme.scope, id: acmeKey.id) == acmeKey)
        #expect(try await store.apiKeys.list(in: acme.scope, page: .init()).items == [acmeKey])
        #expect(try await store.apiKeys.find(prefix: acmeKey.prefix) == acmeKey)
    }

    static func apiKeyUseIsRecordedInBatches(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let globex = try await OwnedOrganization.make("globex", in: store)
        var keys: [APIKey] = []
        for index in 0..<30 {
            let tenant = index.isMultiple(of: 3) ? globex : acme
            keys.append(
                try await store.apiKeys.create(
                    in: tenant.scope,
                    ContractFixtures.apiKey("key \(index)", in: tenant.organization, createdBy: tenant.owner)
                )
            )
        }
        let neverUsed = keys.removeLast()

        // An empty flush writes nothing; unknown ids are skipped.
        try await store.apiKeys.recordUse([:])
        var firstFlush: [APIKeyID: Date] = [TestIDs.next(): TestDates.at(1)]
        for (index, key) in keys.enumerated() { firstFlush[key.id] = TestDates.at(10_000 + Int64(index)) }
        try await store.apiKeys.recordUse(firstFlush)

        // A later flush moves the time forward only: even keys were used later, odd ones report an older use.
        var secondFlush: [APIKeyID: Date] = [:]
        for (index, key) in keys.enumerated() {
            secondFlush[key.id] = TestDates.at(index.isMultiple(of: 2) ? 20_000 + Int64(index) : 5_000)
        }
        try await store.apiKeys.recordUse(secondFlush)

        for (index, key) in keys.enumerated() {
            var expected = key
            expected.lastUsedAt = TestDates.at(index.isMultiple(of: 2) ? 20_000 + Int64(index) : 10_000 + Int64(index))
            #expect(try await store.apiKeys.find(prefix: key.prefix) == expected, "key \(index)")
        }
        #expect(try await store.apiKeys.find(prefix: neverUsed.prefix) == neverUsed)
    }
}
