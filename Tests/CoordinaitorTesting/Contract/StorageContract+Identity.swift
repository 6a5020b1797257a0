import CoordinaitorDomain
import Testing

extension StorageContract {
    static func userLookups(_ store: any DataStore) async throws {
        let created = try await store.users.create(ContractFixtures.user("Ann.Lee@Example.COM"))
        // The stored (and returned) email is the normalized one.
        #expect(created.email == "ann.lee@example.com")
        #expect(try await store.users.find(id: created.id) == created)
        for spelling in ["ann.lee@example.com", "ANN.LEE@EXAMPLE.COM", "Ann.Lee@example.com", "  ann.lee@example.com "] {
            #expect(try await store.users.find(email: spelling) == created, "\(spelling)")
        }
        #expect(try await store.users.find(email: "bob@example.com") == nil)
        #expect(try await store.users.find(id: TestIDs.next()) == nil)

        var changed = created
        changed.name = "Ann Lee-Smith"
        changed.email = "Ann@Example.org"
        changed.status = .disabled
        changed.isSuperAdmin = true
        changed.updatedAt = TestDates.at(4_000)
        let updated = try await store.users.update(changed)
        #expect(updated.email == "ann@example.org")
        #expect(try await store.users.find(id: created.id) == updated)
        #expect(try await store.users.find(email: "ANN@example.org") == updated)
        #expect(try await store.users.find(email: "ann.lee@example.com") == nil)

        await expectResourceError(.notFound, "user") {
            _ = try await store.users.update(ContractFixtures.user("ghost@example.com"))
        }
        #expect(try await store.users.find(email: "ghost@example.com") == nil)
    }

    static func userEmailsAreUniqueIgnoringCase(_ store: any DataStore) async throws {
        let ann = try await store.users.create(ContractFixtures.user("ann@example.com"))
        await expectResourceError(.conflict, "user", field: "email") {
            _ = try await store.users.create(ContractFixtures.user("ANN@Example.com", name: "Another Ann"))
        }
        let bob = try await store.users.create(ContractFixtures.user("bob@example.com", name: "Bob"))
        await expectResourceError(.conflict, "user", field: "email") {
            var renamed = bob
            renamed.email = "Ann@EXAMPLE.com"
            _ = try await store.users.update(renamed)
        }
        #expect(try await store.users.find(id: bob.id) == bob)
        #expect(try await store.users.find(email: "ann@example.com") == ann)
    }

    static func concurrentSignUpsWithOneEmail(_ store: any DataStore) async throws {
        let attempts = 20
        let outcomes = await withTaskGroup(of: Result<User, any Error>.self) { group in
            for attempt in 0..<attempts {
                group.addTask {
                    // Every attempt spells the address differently; they are still one account.
                    let email = attempt.isMultiple(of: 2) ? "Contested@Example.com" : "contested@example.COM"
                    do {
                        return .success(try await store.users.create(ContractFixtures.user(email, name: "Contender \(attempt)")))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        var winners: [User] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let user): winners.append(user)
            case .failure(let error as ResourceError):
                #expect(error.code == .conflict)
                #expect(error.resource == "user")
                #expect(error.field == "email")
            case .failure(let error):
                Issue.record("Expected a conflict, got \(error)")
            }
        }
        #expect(winners.count == 1)
        #expect(try await store.users.find(email: "contested@example.com") == winners.first)
    }

    static func passwordHashesRoundTrip(_ store: any DataStore) async throws {
        let hashes = [
            ContractFixtures.passwordHash,
            "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
            "quote ' and \" and backslash \\ and unicode 日本語 🚀",
        ]
        for (index, hash) in hashes.enumerated() {
            var user = ContractFixtures.user("hash-\(index)@example.com", name: "Ünïcødé Nâme \(index)")
            user.passwordHash = hash
            let created = try await store.users.create(user)
            let found = try #require(try await store.users.find(id: created.id))
            #expect(found.passwordHash == hash)
            #expect(found == user)
            #expect(try await store.users.find(email: user.email)?.passwordHash == hash)
        }
    }

    static func organizationCreatedWithOwner(_ store: any DataStore) async throws {
        let ann = try await store.users.create(ContractFixtures.user("ann@example.com"))
        let acme = ContractFixtures.organization("acme")
        let owner = ContractFixtures.membership(of: ann, in: acme, role: .owner)
        #expect(try await store.organizations.create(acme, owner: owner) == acme)

        #expect(try await store.organizations.find(.id(acme.id)) == acme)
        #expect(try await store.memberships.find(in: TenantScope(acme), userID: ann.id) == owner)
        #expect(try await store.memberships.list(in: TenantScope(acme), page: .init()).items == [owner])
        #expect(try await store.memberships.memberships(of: ann.id) == [owner])

        // A second organization: the user's memberships list both, and no one else's.
        let globex = ContractFixtures.organization("globex")
        let second = ContractFixtures.membership(of: ann, in: globex, role: .owner)
        _ = try await store.organizations.create(globex, owner: second)
        let bob = try await store.users.create(ContractFixtures.user("bob@example.com", name: "Bob"))
        _ = try await store.memberships.add(in: TenantScope(globex), ContractFixtures.membership(of: bob, in: globex))
        #expect(try await store.memberships.memberships(of: ann.id) == [owner, second].sorted { $0.organizationID < $1.organizationID })
        #expect(try await store.memberships.memberships(of: TestIDs.next()).isEmpty)
    }

    static func failedOrganizationCreateLeavesNothing(_ store: any DataStore) async throws {
        let ann = try await store.users.create(ContractFixtures.user("ann@example.com"))
        _ = try await store.organizations.create(ContractFixtures.organization("acme"))

        // The subdomain is taken: the owner's membership must not outlive the failed insert.
        let taken = ContractFixtures.organization("acme", name: "acme-two")
        await expectResourceError(.conflict, "organization", field: "subdomain") {
            _ = try await store.organizations.create(taken, owner: ContractFixtures.membership(of: ann, in: taken, role: .owner))
        }
        #expect(try await store.memberships.memberships(of: ann.id).isEmpty)

        // The owner is no user: the organization must not be stored without its owner.
        let orphan = ContractFixtures.organization("initech")
        let ghost = ContractFixtures.user("ghost@example.com")
        await expectResourceError(.notFound, "user", field: "userId") {
            _ = try await store.organizations.create(orphan, owner: ContractFixtures.membership(of: ghost, in: orphan, role: .owner))
        }
        #expect(try await store.organizations.find(.id(orphan.id)) == nil)
        #expect(try await store.organizations.find(.slug("initech")) == nil)

        // An owner of another organization is a programming error, caught before anything is written.
        let mismatched = ContractFixtures.organization("umbrella")
        await #expect(throws: ScopeMismatchError.self) {
            _ = try await store.organizations.create(mismatched, owner: ContractFixtures.membership(of: ann, in: taken, role: .owner))
        }
        #expect(try await store.organizations.find(.id(mismatched.id)) == nil)
        #expect(try await store.organizations.list(filter: OrganizationFilter(), page: .init()).items.count == 1)
    }

    static func membershipAddConflictsAndReferences(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let ann = try await store.users.create(ContractFixtures.user("ann@example.com"))
        let member = try await store.memberships.add(in: scope, ContractFixtures.membership(of: ann, in: acme))

        await expectResourceError(.conflict, "membership", field: "userId") {
            _ = try await store.memberships.add(in: scope, ContractFixtures.membership(of: ann, in: acme, role: .admin))
        }
        await expectResourceError(.notFound, "user", field: "userId") {
            _ = try await store.memberships.add(in: scope, ContractFixtures.membership(of: ContractFixtures.user("ghost@example.com"), in: acme))
        }
        #expect(try await store.memberships.list(in: scope, page: .init()).items == [member])
    }

    static func membershipsAreIsolatedByScope(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let globex = try await store.organizations.create(ContractFixtures.organization("globex"))
        let ann = try await store.users.create(ContractFixtures.user("ann@example.com"))
        let bob = try await store.users.create(ContractFixtures.user("bob@example.com", name: "Bob"))
        let annAtAcme = try await store.memberships.add(in: TenantScope(acme), ContractFixtures.membership(of: ann, in: acme, role: .owner))
        let bobAtGlobex = try await store.memberships.add(in: TenantScope(globex), ContractFixtures.membership(of: bob, in: globex))
        let foreign = TenantScope(globex)

        #expect(try await store.memberships.find(in: foreign, userID: ann.id) == nil)
        #expect(try await store.memberships.list(in: foreign, page: .init()).items == [bobAtGlobex])
        await expectResourceError(.notFound, "membership") {
            _ = try await store.memberships.update(in: foreign, userID: ann.id) { membership in
                var demoted = membership
                demoted.role = .viewer
                return demoted
            }
        }
        await expectResourceError(.notFound, "membership") {
            try await store.memberships.remove(in: foreign, userID: ann.id)
        }
        await #expect(throws: ScopeMismatchError.self) {
            _ = try await store.memberships.add(in: foreign, ContractFixtures.membership(of: bob, in: acme))
        }
        await #expect(throws: ScopeMismatchError.self) {
            _ = try await store.memberships.update(in: foreign, userID: bob.id) { membership in
                var moved = membership
                moved.organizationID = acme.id
                return moved
            }
        }

        // Nothing of either organization changed.
        #expect(try await store.memberships.find(in: TenantScope(acme), userID: ann.id) == annAtAcme)
        #expect(try await store.memberships.list(in: TenantScope(acme), page: .init()).items == [annAtAcme])
        #expect(try await store.memberships.find(in: foreign, userID: bob.id) == bobAtGlobex)
        #expect(try await store.memberships.memberships(of: bob.id) == [bobAtGlobex])
    }

    static func membershipUpdateAndRemove(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let scope = TenantScope(acme)
        let ann = try await store.users.create(ContractFixtures.user("ann@example.com"))
        let member = try await store.memberships.add(in: scope, ContractFixtures.membership(of: ann, in: acme))

        let promoted = try await store.memberships.update(in: scope, userID: ann.id) { membership in
            var changed = membership
            changed.role = .admin
            changed.updatedAt = TestDates.at(6_000)
            return changed
        }
        #expect(promoted.role == .admin && promoted.createdAt == member.createdAt)
        #expect(try await store.memberships.find(in: scope, userID: ann.id) == promoted)

        await #expect(throws: RejectedChange()) {
            _ = try await store.memberships.update(in: scope, userID: ann.id) { _ in throw RejectedChange() }
        }
        await expectResourceError(.invalidTransition, "membership", field: "userId") {
            _ = try await store.memberships.update(in: scope, userID: ann.id) { membership in
                var moved = membership
                moved.userID = TestIDs.next()
                return moved
            }
        }
        await expectResourceError(.notFound, "membership") {
            _ = try await store.memberships.update(in: scope, userID: TestIDs.next()) { $0 }
        }
        #expect(try await store.memberships.find(in: scope, userID: ann.id) == promoted)

        // A refusing check sees the stored membership and leaves it in place.
        await #expect(throws: RejectedChange()) {
            try await store.memberships.remove(in: scope, userID: ann.id) { membership in
                #expect(membership == promoted)
                throw RejectedChange()
            }
        }
        #expect(try await store.memberships.find(in: scope, userID: ann.id) == promoted)

        try await store.memberships.remove(in: scope, userID: ann.id)
        #expect(try await store.memberships.find(in: scope, userID: ann.id) == nil)
        #expect(try await store.memberships.memberships(of: ann.id).isEmpty)
        await expectResourceError(.notFound, "membership") {
            try await store.memberships.remove(in: scope, userID: ann.id)
        }
        // The user outlives the membership, and may join again.
        #expect(try await store.users.find(id: ann.id) == ann)
        _ = try await store.memberships.add(in: scope, ContractFixtures.membership(of: ann, in: acme, role: .viewer))
    }

    static func membershipListPaginates(_ store: any DataStore) async throws {
        let acme = try await store.organizations.create(ContractFixtures.organization("acme"))
        let globex = try await store.organizations.create(ContractFixtures.organization("globex"))
        var members: [Membership] = []
        for index in 0..<7 {
            let user = try await store.users.create(ContractFixtures.user("user-\(index)@example.com", name: "User \(index)"))
            members.append(try await store.memberships.add(in: TenantScope(acme), ContractFixtures.membership(of: user, in: acme)))
            if index.isMultiple(of: 2) {
                _ = try await store.memberships.add(in: TenantScope(globex), ContractFixtures.membership(of: user, in: globex))
            }
        }
        let oldestFirst = members.sorted { $0.userID < $1.userID }

        for limit in [1, 3, 7, 100] {
            let listed = try await collectPages(limit: limit) { try await store.memberships.list(in: TenantScope(acme), page: $0) }
            #expect(listed == oldestFirst, "limit \(limit)")
        }
        await #expect(throws: ValidationError.self) {
            _ = try await store.memberships.list(in: TenantScope(acme), page: PageRequest(after: "not-a-cursor"))
        }
    }
}
