import CoordinaitorDomain
import Testing

extension StorageContract {
    static func invitationLifecycle(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let first = try await store.invitations.create(
            in: acme.scope,
            ContractFixtures.invitation("Bob@Example.COM", to: acme.organization, invitedBy: acme.owner, role: .admin)
        )
        // The stored (and returned) email is the normalized one.
        #expect(first.email == "bob@example.com")
        #expect(try await store.invitations.find(tokenHash: first.tokenHash) == first)
        #expect(try await store.invitations.find(tokenHash: "unknown") == nil)

        // One pending invitation per email, in any spelling; other emails are independent.
        await expectResourceError(.conflict, "invitation", field: "email") {
            _ = try await store.invitations.create(
                in: acme.scope,
                ContractFixtures.invitation("BOB@example.com", to: acme.organization, invitedBy: acme.owner, createdAt: 80)
            )
        }
        let carol = try await store.invitations.create(
            in: acme.scope,
            ContractFixtures.invitation("carol@example.com", to: acme.organization, invitedBy: acme.owner, createdAt: 80)
        )
        #expect(try await store.invitations.list(in: acme.scope, page: .init()).items == [carol, first])

        // Revoking sets the time once, and a revoked invitation no longer blocks a new one.
        var revoked = first
        revoked.revokedAt = TestDates.at(1_000)
        #expect(try await store.invitations.revoke(in: acme.scope, id: first.id, at: TestDates.at(1_000)) == revoked)
        #expect(try await store.invitations.revoke(in: acme.scope, id: first.id, at: TestDates.at(2_000)) == revoked)
        let again = try await store.invitations.create(
            in: acme.scope,
            ContractFixtures.invitation("bob@example.com", to: acme.organization, invitedBy: acme.owner, createdAt: 3_000)
        )
        await expectResourceError(.notFound, "invitation") {
            _ = try await store.invitations.revoke(in: acme.scope, id: TestIDs.next(), at: TestDates.at(4_000))
        }

        for limit in [1, 2, 100] {
            let listed = try await collectPages(limit: limit) { try await store.invitations.list(in: acme.scope, page: $0) }
            #expect(listed == [again, carol, revoked], "limit \(limit)")
        }
        await #expect(throws: ValidationError.self) {
            _ = try await store.invitations.list(in: acme.scope, page: PageRequest(after: "not-a-cursor"))
        }
    }

    static func expiredInvitationDoesNotBlock(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let expiring = try await store.invitations.create(
            in: acme.scope,
            ContractFixtures.invitation("dan@example.com", to: acme.organization, invitedBy: acme.owner, createdAt: 100, lifetime: 1_000)
        )
        // Until it expires it blocks a new one, and the failed attempt changes nothing.
        await expectResourceError(.conflict, "invitation", field: "email") {
            _ = try await store.invitations.create(
                in: acme.scope,
                ContractFixtures.invitation("dan@example.com", to: acme.organization, invitedBy: acme.owner, createdAt: 1_099)
            )
        }
        #expect(try await store.invitations.find(tokenHash: expiring.tokenHash) == expiring)

        // Once expired, a new invitation replaces it: the expired one is revoked as of the new one's creation.
        let fresh = try await store.invitations.create(
            in: acme.scope,
            ContractFixtures.invitation("dan@example.com", to: acme.organization, invitedBy: acme.owner, createdAt: 1_100)
        )
        var replaced = expiring
        replaced.revokedAt = TestDates.at(1_100)
        #expect(try await store.invitations.find(tokenHash: expiring.tokenHash) == replaced)
        #expect(try await store.invitations.find(tokenHash: fresh.tokenHash) == fresh)
        #expect(try await store.invitations.list(in: acme.scope, page: .init()).items == [fresh, replaced])
    }

    static func invitationAcceptance(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let bob = try await store.users.create(ContractFixtures.user("bob@example.com", name: "Bob"))
        let carol = try await store.users.create(ContractFixtures.user("carol@example.com", name: "Carol"))
        let invitation = try await store.invitations.create(
            in: acme.scope,
            ContractFixtures.invitation("bob@example.com", to: acme.organization, invitedBy: acme.owner, role: .admin, createdAt: 100)
        )

        let membership = try await store.invitations.accept(invitation.id, by: bob.id, at: TestDates.at(500))
        #expect(
            membership
                == Membership(organizationID: acme.organization.id, userID: bob.id, role: .admin, createdAt: TestDates.at(500), updatedAt: TestDates.at(500))
        )
        #expect(try await store.memberships.find(in: acme.scope, userID: bob.id) == membership)
        #expect(try await store.invitations.find(tokenHash: invitation.tokenHash)?.acceptedAt == TestDates.at(500))

        // A token is used once, and an accepted invitation cannot be revoked.
        await expectResourceError(.invalidTransition, "invitation") {
            _ = try await store.invitations.accept(invitation.id, by: carol.id, at: TestDates.at(600))
        }
        await expectResourceError(.invalidTransition, "invitation") {
            _ = try await store.invitations.revoke(in: acme.scope, id: invitation.id, at: TestDates.at(700))
        }

        // Expired, revoked and unknown invitations cannot be accepted.
        let expiring = try await store.invitations.create(
            in: acme.scope,
            ContractFixtures.invitation("carol@example.com", to: acme.organization, invitedBy: acme.owner, createdAt: 100, lifetime: 1_000)
        )
        await expectResourceError(.invalidTransition, "invitation") {
            _ = try await store.invitations.accept(expiring.id, by: carol.id, at: TestDates.at(1_100))
        }
        let withdrawn = try await store.invitations.create(
            in: acme.scope,
            ContractFixtures.invitation("dave@example.com", to: acme.organization, invitedBy: acme.owner)
        )
        _ = try await store.invitations.revoke(in: acme.scope, id: withdrawn.id, at: TestDates.at(200))
        await expectResourceError(.invalidTransition, "invitation") {
            _ = try await store.invitations.accept(withdrawn.id, by: carol.id, at: TestDates.at(300))
        }
        await expectResourceError(.invalidTransition, "invitation") {
            _ = try await store.invitations.accept(TestIDs.next(), by: carol.id, at: TestDates.at(300))
        }
        #expect(try await store.memberships.find(in: acme.scope, userID: carol.id) == nil)
        #expect(try await store.invitations.find(tokenHash: expiring.tokenHash) == expiring)
    }

    static func acceptanceByMemberChangesNothing(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let invitation = try await store.invitations.create(
            in: acme.scope,
            ContractFixtures.invitation(acme.owner.email, to: acme.organization, invitedBy: acme.owner, role: .viewer)
        )
        await expectResourceError(.conflict, "membership", field: "userId") {
            _ = try await store.invitations.accept(invitation.id, by: acme.owner.id, at: TestDates.at(500))
        }
        // Rolled back: the invitation is still pending and the owner is still the owner.
        #expect(try await store.invitations.find(tokenHash: invitation.tokenHash) == invitation)
        #expect(try await store.memberships.find(in: acme.scope, userID: acme.owner.id) == acme.ownership)

        // A user that does not exist cannot accept either, and that too changes nothing.
        await expectResourceError(.notFound, "user", field: "userId") {
            _ = try await store.invitations.accept(invitation.id, by: TestIDs.next(), at: TestDates.at(500))
        }
        #expect(try await store.invitations.find(tokenHash: invitation.tokenHash) == invitation)

        let bob = try await store.users.create(ContractFixtures.user("bob@example.com", name: "Bob"))
        #expect(try await store.invitations.accept(invitation.id, by: bob.id, at: TestDates.at(600)).role == .viewer)
    }

    static func concurrentAcceptsOfOneInvitation(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        var users: [User] = []
        for index in 0..<10 {
            users.append(try await store.users.create(ContractFixtures.user("user-\(index)@example.com", name: "User \(index)")))
        }
        let invitation = try await store.invitations.create(
            in: acme.scope,
            ContractFixtures.invitation("shared@example.com", to: acme.organization, invitedBy: acme.owner)
        )
        let outcomes = await withTaskGroup(of: Result<Membership, any Error>.self) { group in
            for user in users {
                group.addTask {
                    do {
                        return .success(try await store.invitations.accept(invitation.id, by: user.id, at: TestDates.at(500)))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        var winners: [Membership] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let membership): winners.append(membership)
            case .failure(let error as ResourceError):
                #expect(error.code == .invalidTransition)
                #expect(error.resource == "invitation")
            case .failure(let error):
                Issue.record("Expected invalidTransition, got \(error)")
            }
        }
        #expect(winners.count == 1)
        let members = try await store.memberships.list(in: acme.scope, page: .init()).items
        #expect(Set(members) == Set([acme.ownership] + winners))
    }

    static func invitationsAreIsolatedByScope(_ store: any DataStore) async throws {
        let acme = try await OwnedOrganization.make("acme", in: store)
        let globex = try await OwnedOrganization.make("globex", in: store)
        let acmeInvitation = try await store.invitations.create(
            in: acme.scope,
            ContractFixtures.invitation("bob@example.com", to: acme.organization, invitedBy: acme.owner)
        )
        // The same email may be pending in another organization.
        let globexInvitation = try await store.invitations.create(
            in: globex.scope,
            ContractFixtures.invitation("bob@example.com", to: globex.organization, invitedBy: globex.owner)
        )
        let foreign = globex.scope

        #expect(try await store.invitations.list(in: foreign, page: .init()).items == [globexInvitation])
        await expectResourceError(.notFound, "invitation") {
            _ = try await store.invitations.revoke(in: foreign, id: acmeInvitation.id, at: TestDates.at(1_000))
        }
        await #expect(throws: ScopeMismatchError.self) {
            _ = try await store.invitations.create(
                in: foreign,
                ContractFixtures.invitation("carol@example.com", to: acme.organization, invitedBy: acme.owner)
            )
        }

        // Nothing of either organization changed.
        #expect(try await store.invitations.find(tokenHash: acmeInvitation.tokenHash) == acmeInvitation)
        #expect(try await store.invitations.list(in: acme.scope, page: .init()).items == [acmeInvitation])
    }
}
