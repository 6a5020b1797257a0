import CoordinaitorDomain
import Testing

extension StorageContract {
    static func migrationsAreIdempotent(_ store: any DataStore) async throws {
        // The helpers have migrated once already.
        #expect(try await store.migrate() == [])
        #expect(try await store.migrate() == [])
        let readiness = try await store.readiness()
        #expect(readiness.migrationsCurrent)
        #expect(readiness.appliedVersion == readiness.latestVersion)
        #expect(readiness.latestVersion >= 1)
    }

    static func organizationLookups(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme", name: "acme-corp", domain: "acme.com"))
        _ = try await store.organizations.create(ContractFixtures.organization("globex"))

        #expect(try await store.organizations.find(.id(acme.id)) == acme)
        #expect(try await store.organizations.find(.slug("acme")) == acme)
        #expect(try await store.organizations.find(.slug("acme-corp")) == acme)
        #expect(try await store.organizations.find(.domain("acme.com")) == acme)
        #expect(try await store.organizations.find(.domain("acme")) == nil)
        #expect(try await store.organizations.find(.slug("initech")) == nil)
        #expect(try await store.organizations.find(.id(TestIDs.next())) == nil)
    }

    static func slugPrefersSubdomainOverName(_ store: any DataStore) async throws {
        // One organization is *named* what the other's subdomain is; the subdomain match must win either way round.
        let named = try await store.organizations.create(ContractFixtures.organization("first", name: "shared"))
        let subdomain = try await store.organizations.create(ContractFixtures.organization("shared", name: "second"))
        #expect(try await store.organizations.find(.slug("shared")) == subdomain)
        #expect(try await store.organizations.find(.slug("first")) == named)
    }

    static func organizationUniqueFieldsConflict(_ store: any DataStore) async throws {
        _ = try await store.organizations.create(ContractFixtures.organization("acme", name: "acme-corp", domain: "acme.com"))

        await expectResourceError(.conflict, "organization", field: "subdomain") {
            _ = try await store.organizations.create(ContractFixtures.organization("acme", name: "other"))
        }
        await expectResourceError(.conflict, "organization", field: "name") {
            _ = try await store.organizations.create(ContractFixtures.organization("other", name: "acme-corp"))
        }
        await expectResourceError(.conflict, "organization", field: "domain") {
            _ = try await store.organizations.create(ContractFixtures.organization("other", domain: "acme.com"))
        }
        // Several organizations without a custom domain do not collide.
        _ = try await store.organizations.create(ContractFixtures.organization("globex"))
        var initech = try await store.organizations.create(ContractFixtures.organization("initech"))

        initech.subdomain = "acme"
        await expectResourceError(.conflict, "organization", field: "subdomain") {
            _ = try await store.organizations.update(initech)
        }
        #expect(try await store.organizations.find(.slug("initech"))?.subdomain == "initech")
    }

    static func concurrentCreatesOfOneSubdomain(_ store: any DataStore) async throws {
        let attempts = 20
        let outcomes = await withTaskGroup(of: Result<Organization, any Error>.self) { group in
            for attempt in 0..<attempts {
                group.addTask {
                    do {
                        return .success(try await store.organizations.create(ContractFixtures.organization("contested", name: "contender-\(attempt)")))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        var created = 0
        for outcome in outcomes {
            switch outcome {
            case .success: created += 1
            case .failure(let error as ResourceError):
                #expect(error.code == .conflict)
                #expect(error.field == "subdomain")
            case .failure(let error):
                Issue.record("Expected a conflict, got \(error)")
            }
        }
        #expect(created == 1)
        let listed = try await store.organizations.list(filter: OrganizationFilter(), page: PageRequest(limit: 100))
        #expect(listed.items.count == 1)
    }

    static func organizationUpdate(_ store: any DataStore) async throws {
        var acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        acme.displayName = "ACME Corporation"
        acme.domain = "acme.io"
        acme.status = .suspended
        acme.tier = .enterprise
        acme.updatedAt = TestDates.at(5_000)
        acme.createdBy = TestIDs.next()
        #expect(try await store.organizations.update(acme) == acme)
        #expect(try await store.organizations.find(.id(acme.id)) == acme)
        #expect(try await store.organizations.find(.domain("acme.io")) == acme)

        await expectResourceError(.notFound, "organization") {
            _ = try await store.organizations.update(ContractFixtures.organization("ghost"))
        }
        #expect(try await store.organizations.find(.slug("ghost")) == nil)

        // Compare-and-set: a write based on a stale read changes nothing and says so.
        var tierChange = acme
        tierChange.tier = .free
        tierChange.updatedAt = TestDates.at(6_000)
        var settingsChange = acme
        settingsChange.displayName = "Stale write"
        settingsChange.updatedAt = TestDates.at(6_001)
        #expect(try await store.organizations.update(tierChange, ifUpdatedAt: acme.updatedAt) == tierChange)
        #expect(try await store.organizations.update(settingsChange, ifUpdatedAt: acme.updatedAt) == nil)
        #expect(try await store.organizations.find(.id(acme.id)) == tierChange)
        await expectResourceError(.notFound, "organization") {
            _ = try await store.organizations.update(ContractFixtures.organization("ghost"), ifUpdatedAt: TestDates.at(0))
        }
    }

    static func organizationListSearchesAndFiltersByTier(_ store: any DataStore) async throws {
        var rockets = try await store.organizations.create(ContractFixtures.organization("acme-rockets"))
        rockets.tier = .professional
        rockets = try await store.organizations.update(rockets)
        let globex = try await store.organizations.create(ContractFixtures.organization("globex"))
        func names(_ filter: OrganizationFilter) async throws -> [String] {
            try await store.organizations.list(filter: filter, page: PageRequest(limit: 100)).items.map(\.name)
        }
        #expect(try await names(OrganizationFilter(search: "ROCK")) == [rockets.name])
        #expect(try await names(OrganizationFilter(search: "organization glob")) == [globex.name])
        #expect(try await names(OrganizationFilter(tier: .professional)) == [rockets.name])
        #expect(try await names(OrganizationFilter(tier: .professional, search: "globex")).isEmpty)
        // LIKE wildcards are taken literally.
        #expect(try await names(OrganizationFilter(search: "%")).isEmpty)
        #expect(try await names(OrganizationFilter(search: "_")).isEmpty)
        #expect(Set(try await names(OrganizationFilter(search: "  "))) == [rockets.name, globex.name])
    }

    static func organizationListPaginatesAndFilters(_ store: any DataStore) async throws {
        var created: [Organization] = []
        for index in 0..<7 {
            let status: OrganizationStatus = index.isMultiple(of: 3) ? .suspended : .active
            created.append(try await store.organizations.create(ContractFixtures.organization("org-\(index)", status: status)))
        }
        let newestFirst = created.sorted { $0.id > $1.id }

        let all = try await collectPages(limit: 3) { try await store.organizations.list(filter: OrganizationFilter(), page: $0) }
        #expect(all == newestFirst)
        let suspended = try await collectPages(limit: 2) { try await store.organizations.list(filter: OrganizationFilter(status: .suspended), page: $0) }
        #expect(suspended == newestFirst.filter { $0.status == .suspended })
        #expect(try await store.organizations.list(filter: OrganizationFilter(status: .cancelled), page: PageRequest()).items.isEmpty)

        let exact = try await store.organizations.list(filter: OrganizationFilter(), page: PageRequest(limit: 7))
        #expect(exact.items.count == 7)
        #expect(exact.nextCursor == nil)
    }

    static func organizationSettingsRoundTrip(_ store: any DataStore) async throws {
        let settings = OrganizationSettings(
            branding: .init(logoURL: "https://acme.example/logo.png?size=2x&v=\"1\"", primaryColor: "#1a2b3c", secondaryColor: "#fff"),
            timeZone: "Europe/Paris"
        )
        let acme = try await store.organizations.create(ContractFixtures.organization("acme", settings: settings))
        let found = try #require(try await store.organizations.find(.id(acme.id)))
        #expect(found.settings == settings)
        #expect(found.createdAt == acme.createdAt)
        #expect(found.updatedAt == acme.updatedAt)

        let plain = try await store.organizations.create(ContractFixtures.organization("plain"))
        #expect(try await store.organizations.find(.id(plain.id))?.settings == OrganizationSettings())
    }
}
