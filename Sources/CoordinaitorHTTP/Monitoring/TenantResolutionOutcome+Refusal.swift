import CoordinaitorDomain
import CoordinaitorServices

extension TenantResolutionOutcome {
    /// Why a tenant route got no organization: from what the resolver decided and what the lookup then threw.
    init(refusing resolution: TenantResolution, with error: any Error) {
        switch resolution {
        case .noTenant: self = .noTenant
        case .rejected: self = .rejected
        case .organization:
            guard let tenancy = error as? TenancyError else {
                self = .failed
                return
            }
            self = tenancy.code == .tenantInactive ? .inactive : .notFound
        }
    }
}
