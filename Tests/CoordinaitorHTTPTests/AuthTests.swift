import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorHTTP
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing

@Suite("Sign-up, sign-in and tokens")
struct AuthTests {
    static let secret = String(repeating: "s3cr3t-", count: 8)
    static let environment = ["MULTI_TENANT_ENABLED": "true", "JWT_SECRET": AuthTests.secret]

    @Test(arguments: TestBackend.allCases)
    func signUpLogInAndMe(backend: TestBackend) async throws {
        try await TestServer(environment: Self.environment, backend: backend).run(seed: TwoTenants.seed) { client, _, data in
            let signUp = try await client.send(.post, "/api/auth/signup", json: #"{"email":"Ann@Example.com","name":"Ann","password":"\#(TwoTenants.password)"}"#)
            #expect(signUp.status == .created)
            #expect(try signUp.json["user"]?["email"]?.string == "ann@example.com")
            #expect(!signUp.text.contains("password"))
            #expect(!signUp.text.contains("$2b$"))

            let again = try await client.send(.post, "/api/auth/signup", json: #"{"email":"ANN@example.com","name":"Ann","password":"\#(TwoTenants.password)"}"#)
            #expect(again.status == .conflict)
            #expect(again.problemCode == "user_conflict")
            #expect(try again.json["field"]?.string == "email")

            let weak = try await client.send(.post, "/api/auth/signup", json: #"{"email":"bob@example.com","name":"Bob","password":"short"}"#)
            #expect(weak.status == .unprocessableContent)
            #expect(try weak.json["field"]?.string == "password")

            let login = try await client.send(.post, "/api/auth/login", json: #"{"email":"owner@acme.test","password":"\#(TwoTenants.password)"}"#)
            #expect(login.status == .ok)
            let token = try #require(try login.json["token"]?.string)
            let me = try await client.send(.get, "/api/auth/me", token: token).json
            #expect(me["user"]?["id"]?.string == data.acme.owner.id.description)
            #expect(me["memberships"]?.array.count == 1)
            #expect(me["memberships"]?.array.first?["role"]?.string == "owner")
            #expect(me["memberships"]?.array.first?["organizationId"]?.string == data.acme.organization.id.description)

            for body in [#"{"email":"owner@acme.test","password":"wrong password!"}"#, #"{"email":"nobody@acme.test","password":"whatever it is"}"#] {
                let refused = try await client.send(.post, "/api/auth/login", json: body)
                #expect(refused.status == .unauthorized)
                #expect(refused.problemCode == "invalid_credentials")
            }
            #expect(try await client.send(.get, "/api/auth/me").problemCode == "authentication_required")
        }
    }

    /// Tokens forged, tampered with, expired or for accounts that are gone or disabled are all refused alike.
    @Test(arguments: TestBackend.allCases)
    func tokenAttacksAreRefused(backend: TestBackend) async throws {
        try await TestServer(environment: Self.environment, backend: backend).run(seed: TwoTenants.seed) { client, services, data in
            let userID = data.acme.owner.id.description
            func b64(_ json: String) -> String {
                Data(json.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                    .replacingOccurrences(of: "=", with: "")
            }
            let exp = Int(Date().timeIntervalSince1970) + 3600
            let payload = b64(#"{"sub":"\#(userID)","iat":1,"exp":\#(exp),"jti":"x"}"#)
            let algNone = b64(#"{"alg":"none","typ":"JWT"}"#) + "." + payload + "."
            let otherKey = await JWTAccessTokenService(secret: String(repeating: "other-key", count: 5))
            let wrongKey = try await otherKey.issue(for: data.acme.owner.id).token
            let genuine = data.acme.token.split(separator: ".")
            let tampered = [String(genuine[0]), b64(#"{"sub":"\#(data.globex.owner.id)","iat":1,"exp":\#(exp),"jti":"x"}"#), String(genuine[2])]
                .joined(separator: ".")
            let past = await JWTAccessTokenService(
                secret: Self.secret, lifetime: 60, time: ManualTimeSource(Date().addingTimeInterval(-7200)))
            let expired = try await past.issue(for: data.acme.owner.id).token
            let sameKey = await JWTAccessTokenService(secret: Self.secret)
            let unknownUser = try await sameKey.issue(for: UserID(UUID())).token
            let disabledUser = try await services.identities.signUp(email: "gone@acme.test", name: "Gone", password: TwoTenants.password)
            let disabledToken = try await sameKey.issue(for: disabledUser.id).token
            var disabled = disabledUser
            disabled.status = .disabled
            _ = try await services.store.users.update(disabled)

            for (name, token) in [("alg none", algNone), ("wrong key", wrongKey), ("tampered", tampered), ("expired", expired),
                                  ("unknown user", unknownUser), ("disabled user", disabledToken), ("garbage", "not.a.token")] {
                let response = try await client.send(.get, "/api/tasks", host: "acme.localhost", token: token)
                #expect(response.status == .unauthorized, "\(name)")
                #expect(response.problemCode == "invalid_credential", "\(name)")
                #expect(response.headers[.wwwAuthenticate] != nil, "\(name)")
            }
            let basic = try await client.send(.get, "/api/tasks", host: "acme.localhost", headers: [.authorization: "Basic YTpi"])
            #expect(basic.problemCode == "invalid_credential")
            // The genuine token still works.
            #expect(try await client.send(.get, "/api/tasks", host: "acme.localhost", token: data.acme.token).status == .ok)
        }
    }

    /// Verified tokens are remembered (see `JWTAccessTokenService.verified`), but never past their expiry.
    @Test func aRememberedTokenIsStillRefusedOnceItExpires() async throws {
        let service = await JWTAccessTokenService(secret: Self.secret, lifetime: 2)
        let user = UserID(UUID())
        let token = try await service.issue(for: user).token
        #expect(try await service.verify(token) == user)
        #expect(try await service.verify(token) == user)
        // A token with one character of its signature changed is checked, not taken from memory.
        var forged = Array(token)
        let position = forged.count - 10
        forged[position] = forged[position] == "A" ? "B" : "A"
        await #expect(throws: (any Error).self) { _ = try await service.verify(String(forged)) }
        try await Task.sleep(for: .milliseconds(2_100))
        await #expect(throws: (any Error).self) { _ = try await service.verify(token) }
    }

    @Test func productionRefusesToStartWithoutASecret() {
        #expect {
            _ = try AppConfiguration(reading: { ["APP_ENV": "production"][$0] })
        } throws: { ($0 as? SettingError)?.variable == "JWT_SECRET" }
        #expect(throws: SettingError.self) { _ = try AppConfiguration(reading: { ["JWT_SECRET": "too short"][$0] }) }
        // The audit chains' key is required too, and kept apart from the JWT secret.
        let withJWT = ["APP_ENV": "production", "JWT_SECRET": String(repeating: "j", count: 40)]
        #expect {
            _ = try AppConfiguration(reading: { withJWT[$0] })
        } throws: { ($0 as? SettingError)?.variable == "AUDIT_SECRET" }
        let complete = withJWT.merging(["AUDIT_SECRET": String(repeating: "a", count: 40)]) { $1 }
        #expect(throws: Never.self) { _ = try AppConfiguration(reading: { complete[$0] }) }
    }

    @Test func aGeneratedSecretIsKeptAcrossRestarts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-secret-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let environment = ["DATA_DIR": directory.path, "BCRYPT_COST": "4"]
        let configuration = try AppConfiguration(reading: { environment[$0] })
        let logger = Logger(label: "test") { _ in RecordingLogHandler() }
        let first = try await ServerComponents.open(configuration: configuration, logger: logger)
        let token = try await first.tokens.issue(for: UserID(UUID()))
        try await first.store.dataStore.shutdown()
        let second = try await ServerComponents.open(configuration: configuration, logger: logger)
        _ = try await second.tokens.verify(token.token)
        try await second.store.dataStore.shutdown()
        for file in ["jwt-secret", "audit-secret"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(file).path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
    }
}
