/// Why a request could not be given an organization.
package struct TenancyError: Error, Hashable, Sendable {
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case invalidTenantID, tenantHeaderRequired, tenantNotFound, tenantInactive
        }

        private let value: Value

        /// The tenant header or path names neither a UUID nor a valid slug.
        package static let invalidTenantID = Code(value: .invalidTenantID)
        /// `REQUIRE_TENANT_HEADER=true` and the request has no tenant header.
        package static let tenantHeaderRequired = Code(value: .tenantHeaderRequired)
        /// No organization answers to the request's host, header or path.
        package static let tenantNotFound = Code(value: .tenantNotFound)
        /// The organization exists but is not active.
        package static let tenantInactive = Code(value: .tenantInactive)

        package var description: String {
            switch self.value {
            case .invalidTenantID: "invalid_tenant_id"
            case .tenantHeaderRequired: "tenant_header_required"
            case .tenantNotFound: "tenant_not_found"
            case .tenantInactive: "tenant_inactive"
            }
        }
    }

    package var code: Code
    package var message: String

    package init(code: Code, message: String) {
        self.code = code
        self.message = message
    }
}
