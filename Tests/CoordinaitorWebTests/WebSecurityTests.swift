import Testing

@testable import CoordinaitorWeb

@Suite("Form parsing, CSRF tokens and sign-in redirects")
struct WebSecurityTests {
    @Test("form fields are percent- and plus-decoded; the last repeated name wins")
    func forms() {
        let form = FormFields(encoded: "email=a%40b.test&name=Ann+Lee&role=member&role=admin&empty=&flag")
        #expect(form["email"] == "a@b.test")
        #expect(form["name"] == "Ann Lee")
        #expect(form["role"] == "admin")
        #expect(form["empty"] == "")
        #expect(form.text("empty") == nil)
        #expect(form["flag"] == "")
        #expect(form["missing"] == nil)
    }

    @Test("a session's CSRF token is stable for the session and differs between sessions")
    func csrf() {
        let first = CSRFToken.forSession("token-a")
        #expect(first == CSRFToken.forSession("token-a"))
        #expect(first != CSRFToken.forSession("token-b"))
        #expect(CSRFToken.matches(first, first))
        #expect(!CSRFToken.matches(nil, first))
        #expect(!CSRFToken.matches(String(first.dropLast()), first))
        #expect(CSRFToken.random() != CSRFToken.random())
    }

    @Test("sign-in only returns to a path on this site", arguments: [
        ("/dashboard/usage", "", "/dashboard/usage"),
        ("//evil.example/x", "", "/dashboard"),
        ("https://evil.example", "", "/dashboard"),
        ("/\\evil.example", "", "/dashboard"),
        (nil, "/org/acme", "/org/acme/dashboard"),
        ("/dashboard/members", "/org/acme", "/org/acme/dashboard/members"),
        ("/org/acme/dashboard", "/org/acme", "/org/acme/dashboard"),
    ])
    func next(raw: String?, base: String, expected: String) {
        #expect(SignInPages.safeNext(raw, base: base) == expected)
    }
}
