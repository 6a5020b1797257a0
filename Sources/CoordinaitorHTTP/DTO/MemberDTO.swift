import CoordinaitorDomain
import CoordinaitorServices
import Foundation

struct MemberResponse: Encodable, Sendable {
    var userId: String
    var email: String
    var name: String
    var role: String
    var joinedAt: String

    init(_ member: MembershipService.Member) {
        self.userId = member.user.id.description
        self.email = member.user.email
        self.name = member.user.name
        self.role = member.membership.role.rawValue
        self.joinedAt = Timestamp.format(member.membership.createdAt)
    }
}

struct MemberListResponse: Encodable, Sendable {
    var members: [MemberResponse]
    var nextCursor: String?
}

struct MembershipChangeResponse: Encodable, Sendable {
    var organizationId: String
    var userId: String
    var role: String

    init(_ membership: Membership) {
        self.organizationId = membership.organizationID.description
        self.userId = membership.userID.description
        self.role = membership.role.rawValue
    }
}

struct ChangeRoleRequest: Decodable {
    static let fields: Set<String> = ["role"]
    var role: Role

    init(from decoder: any Decoder) throws {
        self.role = try decoder.container(keyedBy: AnyKey.self).decodeChoice(Role.self, forKey: "role")
    }
}

struct TransferOwnershipRequest: Decodable {
    static let fields: Set<String> = ["userId"]
    var userId: UserID
}

struct InvitationResponse: Encodable, Sendable {
    var id: String
    var organizationId: String
    var email: String
    var role: String
    var state: String
    var invitedBy: String
    var createdAt: String
    var expiresAt: String

    init(_ invitation: Invitation, now: Date) {
        self.id = invitation.id.description
        self.organizationId = invitation.organizationID.description
        self.email = invitation.email
        self.role = invitation.role.rawValue
        self.state = invitation.state(at: now).rawValue
        self.invitedBy = invitation.invitedBy.description
        self.createdAt = Timestamp.format(invitation.createdAt)
        self.expiresAt = Timestamp.format(invitation.expiresAt)
    }
}

/// The response to creating an invitation: the only time its token is shown.
struct CreatedInvitationResponse: Encodable, Sendable {
    var invitation: InvitationResponse
    var token: String
}

struct InvitationListResponse: Encodable, Sendable {
    var invitations: [InvitationResponse]
    var nextCursor: String?
}

struct CreateInvitationRequest: Decodable {
    static let fields: Set<String> = ["email", "role", "expiresInDays"]
    var email: String
    var role: Role
    var expiresInDays: Double?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.email = try container.decode(String.self, forKey: "email")
        self.role = try container.decodeChoice(Role.self, forKey: "role")
        self.expiresInDays = try container.decodeIfPresent(Double.self, forKey: "expiresInDays")
    }
}

struct AcceptInvitationRequest: Decodable {
    static let fields: Set<String> = ["token"]
    var token: String
}
