import Hummingbird

/// An error the dashboard shows as a page with its status, rather than as the API's JSON problem.
struct WebError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String

    static let notFound = WebError(status: .notFound, message: "There is no such page.")
    static let csrfRefused = WebError(
        status: .forbidden,
        message: "This form has expired or did not come from this site. Go back, reload the page and try again."
    )

    static func forbidden(_ message: String) -> WebError { WebError(status: .forbidden, message: message) }
}

extension WebError {
    /// No session: pages redirect to the sign-in page, forms answer 401.
    static let signInRequired = WebError(status: .unauthorized, message: "Sign in to see this page.")
}
