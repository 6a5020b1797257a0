import CoordinaitorDomain
import CoordinaitorHTTP
import Hummingbird
import Foundation
import Logging

/// Turns errors on web pages into an HTML page with the right status (the API's ``ProblemMiddleware`` writes JSON).
///
/// A page that needs a session redirects to the sign-in page, which comes back to it afterwards.
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let renderer: PageRenderer
    let chrome: ChromeBuilder

    struct ErrorPage: PageView {
        var chrome: PageChrome
        var status: Int
        var message: String
        var signInLink: String?
        /// For a signed-in person refused here: where they may go instead.
        var organizations: [PageChrome.Link]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, message) = Self.describe(error, logger: context.logger)
            let base = DashboardCaller.base(context)
            if status == .unauthorized, request.method == .get || request.method == .head {
                let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                return PageRenderer.redirect(to: "\(base)/login?next=\(Self.encodeQueryValue(target))")
            }
            var page = ErrorPage(
                chrome: self.chrome.plain(
                    title: status.reasonPhrase,
                    brand: context.tenant.map(PageChrome.Brand.init) ?? .platform,
                    csrfToken: context.sessionToken.map(CSRFToken.forSession) ?? "",
                    base: base,
                    user: context.identity
                ),
                status: status.code,
                message: message,
                organizations: []
            )
            if status == .forbidden, let user = context.identity {
                page.organizations = (try? await self.chrome.organizationLinks(for: user, current: context.tenant?.id, request: request)) ?? []
            }
            if status == .unauthorized { page.signInLink = "\(base)/login" }
            return try self.renderer.render("error", page, status: status)
        }
    }

    static func describe(_ error: any Error, logger: Logger) -> (HTTPResponse.Status, String) {
        if let error = error as? WebError { return (error.status, error.message) }
        let problem = ProblemMiddleware<Context>.problem(for: error, logger: logger)
        let details = problem.issues.map { "\($0.field): \($0.message)" }
        return (problem.status, ([problem.detail] + details).joined(separator: " "))
    }

    static func encodeQueryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-._~"))) ?? "/dashboard"
    }
}
