import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// A minimal browser for dashboard tests: keeps the cookies a host sets, reads a page's CSRF token and posts forms.
struct WebBrowser: Sendable {
    let client: any TestClientProtocol
    /// The `Host` every request names, such as `acme.localhost:8080`.
    var host: String
    /// `/org/acme` when the organization is named in the path.
    var prefix = ""
    var cookies: [String: String] = [:]
    /// The `_csrf` of the last page read.
    var csrf: String?

    init(_ client: any TestClientProtocol, host: String, prefix: String = "") {
        self.client = client
        self.host = host
        self.prefix = prefix
    }

    /// Signs in through the sign-in form; expects the redirect that sets the session.
    static func signIn(
        _ client: any TestClientProtocol, host: String, prefix: String = "", email: String, password: String = TwoTenants.password
    ) async throws -> WebBrowser {
        var browser = WebBrowser(client, host: host, prefix: prefix)
        let form = try await browser.get("/login")
        #expect(form.status == .ok)
        let response = try await browser.post("/login", ["email": email, "password": password])
        #expect(response.status == .seeOther, "signing in as \(email) on \(host)\(prefix): \(response.status)")
        #expect(browser.cookies["coordinaitor_session"] != nil)
        return browser
    }

    @discardableResult
    mutating func get(_ path: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        let response = try await self.client.execute(uri: self.prefix + path, method: .get, headers: self.headers(headers), body: nil)
        self.remember(response)
        return response
    }

    /// Posts `fields` as a form with the last page's CSRF token (unless `csrf` is given, or `fields` names `_csrf`).
    @discardableResult
    mutating func post(_ path: String, _ fields: [String: String], csrf: String?? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = fields
        if fields["_csrf"] == nil, let token = csrf ?? self.csrf { fields["_csrf"] = token }
        var headers = headers
        if headers[.contentType] == nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let body = fields.sorted { $0.key < $1.key }.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        let response = try await self.client.execute(
            uri: self.prefix + path, method: .post, headers: self.headers(headers), body: ByteBuffer(string: body))
        self.remember(response)
        return response
    }

    private func headers(_ extra: HTTPFields) -> HTTPFields {
        var headers = extra
        headers[HTTPField.Name("Host")!] = self.host
        if !self.cookies.isEmpty {
            headers[.cookie] = self.cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        return headers
    }

    private mutating func remember(_ response: TestResponse) {
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";", maxSplits: 1)[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces)
            let isExpired = field.lowercased().contains("max-age=0")
            self.cookies[name] = isExpired || pair[1].isEmpty ? nil : String(pair[1])
        }
        if let token = Self.csrf(in: response.text) { self.csrf = token }
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}

extension TestResponse {
    /// The value of `attribute` on the element with id `id`, or the text of the first `<tag id="id">…</tag>`.
    func element(id: String) -> String? {
        let text = self.text
        guard let start = text.range(of: "id=\"\(id)\"") else { return nil }
        let after = text[start.upperBound...]
        guard let close = after.firstIndex(of: ">") else { return nil }
        let content = after[after.index(after: close)...]
        return content.firstIndex(of: "<").map { String(content[..<$0]) }
    }

    /// Every `data-metric="…" data-level="…" data-used="…" data-maximum="…"` usage bar on the page.
    var usageBars: [String: (level: String, used: String, maximum: String)] {
        var bars: [String: (level: String, used: String, maximum: String)] = [:]
        let pattern = #/data-metric="([^"]+)" data-level="([^"]+)" data-used="([^"]+)" data-maximum="([^"]+)"/#
        for match in self.text.matches(of: pattern) {
            bars[String(match.1)] = (String(match.2), String(match.3), String(match.4))
        }
        return bars
    }
}
