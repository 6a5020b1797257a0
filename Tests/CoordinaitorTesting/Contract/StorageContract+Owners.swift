import CoordinaitorDomain
import Testing

extension StorageContract {
    static func lastOwnerIsProtected(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let ann = acme.owner
        let bob = try await store.users.create(ContractFixtures.user("bob@example.com", name: "Bob"))
        _ = try await store.memberships.add(in: acme.scope, ContractFixtures.membership(of: bob, in: acme.organization))

        // The only owner can be neither demoted nor removed, and the refusal changes nothing.
        await expectResourceError(.invalidTransition, "membership", field: "role") {
            _ = try await store.memberships.update(in: acme.scope, userID: ann.id) { Self.withRole(.admin, $0) }
        }
        await expectResourceError(.invalidTransition, "membership", field: "role") {
            try await store.memberships.remove(in: acme.scope, userID: ann.id)
        }
        #expect(try await store.memberships.find(in: acme.scope, userID: ann.id) == acme.ownership)
        // Keeping the role, or changing someone else's, needs no other owner.
        #expect(try await store.memberships.update(in: acme.scope, userID: ann.id) { $0 } == acme.ownership)

        // With a second owner, one of them may go, but then the other is the last one.
        _ = try await store.memberships.update(in: acme.scope, userID: bob.id) { Self.withRole(.owner, $0) }
        #expect(try await store.memberships.update(in: acme.scope, userID: ann.id) { Self.withRole(.admin, $0) }.role == .admin)
        await expectResourceError(.invalidTransition, "membership", field: "role") {
            _ = try await store.memberships.update(in: acme.scope, userID: bob.id) { Self.withRole(.member, $0) }
        }
        await expectResourceError(.invalidTransition, "membership", field: "role") {
            try await store.memberships.remove(in: acme.scope, userID: bob.id)
        }
        try await store.memberships.remove(in: acme.scope, userID: ann.id)
        let remaining = try await store.memberships.list(in: acme.scope, page: .init()).items
        #expect(remaining.map(\.userID) == [bob.id] && remaining.first?.role == .owner)
    }

    /// Two owners, each demoted (or removed) by a concurrent request: exactly one may succeed. Several rounds, to give
    /// the race a chance to show.
    static func concurrentDemotionsOfTwoOwners(_ store: any DataStore) async throws {
        for round in 0..<6 {
            let organization = try await OwnedOrganization.make("acme-\(round)", in: store)
            let scope = organization.scope
            let second = try await store.users.create(ContractFixtures.user("second-\(round)@example.com", name: "Second"))
            _ = try await store.memberships.add(in: scope, ContractFixtures.membership(of: second, in: organization.organization, role: .owner))
            let removes = round.isMultiple(of: 2)

            let outcomes = await withTaskGroup(of: Result<Void, any Error>.self) { group in
                for userID in [organization.owner.id, second.id] {
                    group.addTask {
                        do {
                            if removes {
                                try await store.memberships.remove(in: scope, userID: userID)
                            } else {
                                _ = try await store.memberships.update(in: scope, userID: userID) { Self.withRole(.viewer, $0) }
                            }
                            return .success(())
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            var successes = 0
            for outcome in outcomes {
                switch outcome {
                case .success: successes += 1
                case .failure(let error as ResourceError):
                    #expect(error.code == .invalidTransition && error.field == "role", "round \(round)")
                case .failure(let error):
                    Issue.record("Expected invalidTransition, got \(error) in round \(round)")
                }
            }
            #expect(successes == 1, "round \(round)")
            let owners = try await store.memberships.list(in: scope, page: .init()).items.filter { $0.role == .owner }
            #expect(owners.count == 1, "round \(round)")
        }
    }

    static func usersFoundByIDs(_ store: any DataStore) async throws {
        var users: [User] = []
        for index in 0..<5 {
            users.append(try await store.users.create(ContractFixtures.user("user-\(index)@example.com", name: "User \(index)")))
        }
        #expect(try await store.users.find(ids: []).isEmpty)
        #expect(try await store.users.find(ids: [TestIDs.next()]).isEmpty)
        // Unknown ids are skipped and repeated ones count once; the result is ordered by id.
        let requested = [users[3].id, TestIDs.next(), users[1].id, users[3].id]
        #expect(try await store.users.find(ids: requested) == [users[1], users[3]].sorted { $0.id < $1.id })
        #expect(try await store.users.find(ids: users.map(\.id).reversed()) == users.sorted { $0.id < $1.id })
    }

    private static func withRole(_ role: Role, _ membership: Membership) -> Membership {
        var changed = membership
        changed.role = role
        return changed
    }
}
