import CoordinaitorApp
import CoordinaitorServices
import Foundation
import Logging
import Testing

@Suite("Log redaction")
struct LogRedactionTests {
    static let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMTkzIiwiZXhwIjoxODAwMDAwMDAwfQ.k3p5Qy_W-aZ2rM0vX9cT1bN4fL8hJ6dS7gE5uA3iO0w"
    static let apiKey = "cai_0badc0de_" + String(repeating: "5e", count: 32)

    // MARK: Keys

    @Test(arguments: [
        "password", "user.password", "Authorization", "X-API-Key", "api_key", "apiKey", "http.cookie", "Set-Cookie", "jwt",
        "client_secret", "refresh-token", "access_token", "db.credentials", "auth.PASSWORD_HASH", "api_key.value", "jwt.claims.sub",
    ])
    func keysThatNameSecretsHideTheirValues(key: String) {
        #expect(LogRedaction.isSecretKey(key))
        let line = LogLineFormatter().format(timestamp: Date(), level: .info, message: "m", metadata: [key: "hunter2-value"])
        #expect(!line.contains("hunter2"))
        #expect(line.contains("=[REDACTED]"))
    }

    @Test(arguments: [
        "tenant.id", "organization.subdomain", "user.email", "hb.request.id", "tenant.outcome", "error", "calls", "api_key.prefix", "api_key.id",
        "token.expires_at",
    ])
    func ordinaryKeysAreKept(key: String) {
        #expect(!LogRedaction.isSecretKey(key))
    }

    @Test func aSecretKeyHidesAWholeNestedValue() {
        let line = LogLineFormatter().format(
            timestamp: Date(),
            level: .info,
            message: "m",
            metadata: [
                "request": ["headers": ["authorization": "Basic dXNlcjpodW50ZXIy", "accept": "json"]],
                "credentials": ["user": "ann", "pin": "4242"],
                "attempts": [["password": "hunter2"], "plain"],
            ]
        )
        #expect(line.contains(" request.headers.authorization=[REDACTED]"))
        #expect(line.contains(" request.headers.accept=json"))
        #expect(line.contains(" credentials=[REDACTED]"))
        #expect(!line.contains("4242"))
        #expect(!line.contains("hunter2"))
        #expect(!line.contains("dXNlcjpodW50ZXIy"))
    }

    // MARK: Text

    @Test(arguments: [
        ("Authorization: Bearer abc.def-123", "Authorization: Bearer [REDACTED]"),
        ("header=\"bearer  opaque-token\" next", "header=\"bearer  [REDACTED]\" next"),
        ("BEARER x, Basic y", "BEARER [REDACTED], Basic y"),
        ("a Bearer", "a Bearer"),
        ("Bearers are fine", "Bearers are fine"),
    ])
    func bearerCredentials(input: String, expected: String) {
        #expect(LogRedaction.redactText(input) == expected)
    }

    @Test func jsonWebTokens() {
        #expect(LogRedaction.redactText(Self.jwt) == "[REDACTED]")
        #expect(LogRedaction.redactText("token was \(Self.jwt); retry") == "token was [REDACTED]; retry")
        // Unsigned (alg none): an empty third part is still a token.
        #expect(LogRedaction.redactText("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0. end") == "[REDACTED] end")
        // Two parts, or no eyJ start, is not a JWT.
        #expect(LogRedaction.redactText("eyJhbGciOiJub25lIn0.only") == "eyJhbGciOiJub25lIn0.only")
        #expect(LogRedaction.redactText("version 1.2.3") == "version 1.2.3")
    }

    @Test func apiKeysKeepTheirPublicPrefix() {
        #expect(LogRedaction.redactText(Self.apiKey) == "cai_0badc0de_[REDACTED]")
        #expect(LogRedaction.redactText("key \(Self.apiKey) refused") == "key cai_0badc0de_[REDACTED] refused")
        #expect(LogRedaction.redactText("X-API-Key:\(Self.apiKey)") == "X-API-Key:cai_0badc0de_[REDACTED]")
        // The prefix alone is public; it is how people tell keys apart.
        #expect(LogRedaction.redactText("actor api_key:cai_0badc0de") == "actor api_key:cai_0badc0de")
        let webhookSecret = "whsec_" + String(repeating: "ab", count: 32)
        #expect(LogRedaction.redactText("secret \(webhookSecret)") == "secret whsec_[REDACTED]")
    }

    @Test func passwordHashes() {
        let hash = "$2b$04$" + String(repeating: "aB3./", count: 10) + "xyz"
        #expect(LogRedaction.redactText("stored \(hash) for ann") == "stored [REDACTED] for ann")
        #expect(LogRedaction.redactText("costs $2 and $20") == "costs $2 and $20")
    }

    @Test(arguments: [
        ("/api/auth/login?email=a@b.c&password=hunter2&next=/", "/api/auth/login?email=a@b.c&password=[REDACTED]&next=/"),
        ("GET /callback?token=abc123", "GET /callback?token=[REDACTED]"),
        ("?access_token=abc&api_key=def&limit=5", "?access_token=[REDACTED]&api_key=[REDACTED]&limit=5"),
        ("user.password=\"two words\" after", "user.password=\"[REDACTED]\" after"),
        ("limit=5&cursor=abc", "limit=5&cursor=abc"),
        ("password= empty", "password= empty"),
    ])
    func secretParameters(input: String, expected: String) {
        #expect(LogRedaction.redactText(input) == expected)
    }

    @Test func secretPropertiesOfPrintedValues() {
        struct Login {
            var email = "ann@example.com"
            var password = "hun\"ter2"
            var token: String? = "opaque"
        }
        let printed = String(describing: Login())
        #expect(printed == #"Login(email: "ann@example.com", password: "hun\"ter2", token: Optional("opaque"))"#)
        #expect(LogRedaction.redactText(printed) == #"Login(email: "ann@example.com", password: "[REDACTED]", token: Optional("[REDACTED]"))"#)
        #expect(LogRedaction.redactText("secret: none given") == "secret: none given")
    }

    @Test func secretMembersOfJSON() {
        let body = #"{"email":"ann@example.com","password" : "hun\"ter2","name":"Ann","apiKey":"x"}"#
        #expect(LogRedaction.redactText(body) == #"{"email":"ann@example.com","password" : "[REDACTED]","name":"Ann","apiKey":"[REDACTED]"}"#)
        #expect(LogRedaction.redactText(#"{"password":"unterminated"#) == #"{"password":"[REDACTED]""#)
        #expect(LogRedaction.redactText(#"{"tokens":3}"#) == #"{"tokens":3}"#)
    }

    @Test func everyRuleAppliesToMessagesAndValues() {
        let line = LogLineFormatter().format(
            timestamp: Date(),
            level: .error,
            message: "Rejected Bearer \(Self.jwt) for /x?password=hunter2",
            metadata: ["hb.request.id": "r1", "detail": "used \(Self.apiKey)", "body": #"{"password":"hunter2"}"#, "log.namespace": "auth:token"]
        )
        for secret in [Self.jwt, Self.apiKey, "hunter2", String(Self.apiKey.suffix(64))] {
            #expect(!line.contains(secret))
        }
        #expect(line.contains("request_id=r1"))
        #expect(line.contains("cai_0badc0de_[REDACTED]"))
    }
}
