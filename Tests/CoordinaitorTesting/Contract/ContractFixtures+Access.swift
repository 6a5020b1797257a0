import CoordinaitorDomain
import Foundation

extension ContractFixtures {
    /// A fresh key whose prefix and hash derive from its id, so keys never collide unless a check makes them.
    package static func apiKey(
        _ name: String,
        in organization: Organization,
        createdBy user: User,
        scopes: Set<APIKeyScope> = [.read],
        createdAt: Date = TestDates.at(60)
    ) -> APIKey {
        let id: APIKeyID = TestIDs.next()
        let digits = id.description.replacingOccurrences(of: "-", with: "")
        return APIKey(
            id: id,
            organizationID: organization.id,
            name: name,
            prefix: "cai_\(digits.suffix(12))",
            secretHash: String(repeating: digits, count: 2),
            scopes: scopes,
            createdBy: user.id,
            createdAt: createdAt,
            expiresAt: nil,
            lastUsedAt: nil,
            revokedAt: nil
        )
    }

    /// A pending invitation created at `TestDates.at(createdAt)` that expires `lifetime` milliseconds later.
    package static func invitation(
        _ email: String,
        to organization: Organization,
        invitedBy user: User,
        role: Role = .member,
        createdAt: Int64 = 70,
        lifetime: Int64 = 86_400_000
    ) -> Invitation {
        let id: InvitationID = TestIDs.next()
        let digits = id.description.replacingOccurrences(of: "-", with: "")
        return Invitation(
            id: id,
            organizationID: organization.id,
            email: email,
            role: role,
            tokenHash: String(repeating: digits, count: 2),
            invitedBy: user.id,
            createdAt: TestDates.at(createdAt),
            expiresAt: TestDates.at(createdAt + lifetime),
            acceptedAt: nil,
            revokedAt: nil
        )
    }
}
