import CoordinaitorDomain
import Hummingbird
import NIOCore

extension APIError {
    /// Maps every error the domain, the services and Hummingbird throw to the problem a client sees.
    ///
    /// Returns nil for errors that are not the client's doing; those become a bare 500 after being logged.
    package init?(translating error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as ValidationError:
            self.init(
                status: .unprocessableContent,
                code: "validation_failed",
                detail: error.issues.map { "\($0.field): \($0.message)" }.joined(separator: " "),
                field: error.issues.first?.field,
                issues: error.issues.map { FieldIssue(field: $0.field, message: $0.message) }
            )
        case let error as ResourceError:
            switch error.code {
            case .notFound:
                self.init(status: .notFound, code: "\(error.resource)_not_found", detail: error.message, field: error.field)
            case .conflict:
                self.init(status: .conflict, code: "\(error.resource)_conflict", detail: error.message, field: error.field)
            case .notPermitted:
                self.init(status: .forbidden, code: error.code.description, detail: error.message, field: error.field)
            default:
                self.init(status: .conflict, code: error.code.description, detail: error.message, field: error.field)
            }
        case let error as TenancyError:
            let status: HTTPResponse.Status =
                switch error.code {
                case .tenantNotFound: .notFound
                case .tenantInactive: .forbidden
                default: .badRequest
                }
            self.init(status: status, code: error.code.description, detail: error.message)
        case let error as LimitExceededError:
            self.init(limitExceeded: error)
        case let error as UsageLimitReachedError:
            self.init(
                status: error.metric.kind == .monthly ? .tooManyRequests : .forbidden,
                code: "limit_exceeded",
                detail: "The \(error.metric.label) limit of \(error.maximum) is reached.",
                extensions: ["limit": .string(error.metric.rawValue), "used": .number(Double(error.used)), "maximum": .number(Double(error.maximum))]
            )
        case let error as FeatureNotAvailableError:
            self.init(featureNotAvailable: error)
        case is StoreUnavailableError:
            self.init(
                status: .serviceUnavailable,
                code: "database_unavailable",
                detail: "The database is unavailable right now; try again shortly.",
                headers: [.retryAfter: "1"]
            )
        case is NIOTooManyBytesError:
            self.init(status: .contentTooLarge, code: "payload_too_large", detail: "The request body is larger than this server accepts.")
        case let error as HTTPError:
            self.init(httpError: error)
        default:
            return nil
        }
    }

    /// Hummingbird's own errors: unknown routes, wrong methods and the like.
    private init(httpError: HTTPError) {
        let code: String =
            switch httpError.status {
            case .notFound: "route_not_found"
            case .methodNotAllowed: "method_not_allowed"
            case .contentTooLarge: "payload_too_large"
            case .badRequest: "bad_request"
            default: "http_\(httpError.status.code)"
            }
        let detail: String =
            switch httpError.status {
            case .notFound: "No route matches this method and path."
            case .methodNotAllowed: "This path does not accept this method."
            default: httpError.body ?? httpError.status.reasonPhrase
            }
        self.init(status: httpError.status, code: code, detail: detail, headers: httpError.headers)
    }
}
