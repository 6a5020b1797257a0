import Hummingbird

extension APIError {
    /// 401 for a missing credential, with the challenge clients expect.
    package static let authenticationRequired = APIError(
        status: .unauthorized,
        code: "authentication_required",
        detail: "Sign in: send 'Authorization: Bearer <token>' (POST /api/auth/login returns one).",
        headers: [.wwwAuthenticate: "Bearer"]
    )

    /// 401 for a credential that is malformed, expired, revoked or belongs to a disabled account. One message for all,
    /// so a caller cannot tell which.
    package static let invalidCredential = APIError(
        status: .unauthorized,
        code: "invalid_credential",
        detail: "The credential is malformed, expired, revoked or belongs to a disabled account.",
        headers: [.wwwAuthenticate: "Bearer error=\"invalid_token\""]
    )

    package static let crossTenantAccessDenied = APIError(
        status: .forbidden,
        code: "cross_tenant_access_denied",
        detail: "Your account is not a member of this organization. The attempt was recorded."
    )

    /// Organization, member and invitation management is for people, not API keys.
    package static let userRequired = APIError(
        status: .forbidden,
        code: "user_required",
        detail: "API keys reach projects, tasks and agents only; sign in as a user for this."
    )

    package static func permissionDenied(_ action: String) -> APIError {
        APIError(status: .forbidden, code: "permission_denied", detail: "Your role in this organization does not allow \(action).")
    }
}
