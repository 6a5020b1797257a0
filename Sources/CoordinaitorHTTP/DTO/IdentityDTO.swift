import CoordinaitorDomain
import CoordinaitorServices

/// A user as the API shows them: never the password hash.
struct UserResponse: Encodable, Sendable {
    var id: String
    var email: String
    var name: String
    var status: String
    var isSuperAdmin: Bool
    var createdAt: String

    init(_ user: User) {
        self.id = user.id.description
        self.email = user.email
        self.name = user.name
        self.status = user.status.rawValue
        self.isSuperAdmin = user.isSuperAdmin
        self.createdAt = Timestamp.format(user.createdAt)
    }
}

/// What sign-up and sign-in return.
struct SessionResponse: Encodable, Sendable {
    var user: UserResponse
    var token: String
    var tokenType = "Bearer"
    var expiresAt: String

    init(user: User, token: IssuedToken) {
        self.user = UserResponse(user)
        self.token = token.token
        self.expiresAt = Timestamp.format(token.expiresAt)
    }
}

struct MembershipResponse: Encodable, Sendable {
    var organizationId: String
    var name: String
    var displayName: String
    var subdomain: String
    var status: String
    var role: String
}

struct MeResponse: Encodable, Sendable {
    var user: UserResponse
    var memberships: [MembershipResponse]
}

struct SignUpRequest: Decodable {
    static let fields: Set<String> = ["email", "name", "password"]
    var email: String
    var name: String
    var password: String
}

struct LoginRequest: Decodable {
    static let fields: Set<String> = ["email", "password"]
    var email: String
    var password: String
}
