import Hummingbird
import Mustache

/// Anything a page template renders: its own fields plus the chrome the layout reads.
protocol PageView {
    var chrome: PageChrome { get }
}

/// Renders a page's template inside the layout into an HTML response with the security headers.
struct PageRenderer: Sendable {
    let resources: WebResources

    func render(_ template: String, _ view: some PageView, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let html = self.resources.templates.render(view, withTemplate: template) else {
            throw WebError(status: .internalServerError, message: "The page template '\(template)' is missing.")
        }
        var headers = SecurityHeaders.page(styleNonce: view.chrome.styleNonce)
        headers[.contentLength] = "\(html.utf8.count)"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// A 303 to `location`: after a form, so that reloading the page does not post it again.
    static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: headers)
    }
}
