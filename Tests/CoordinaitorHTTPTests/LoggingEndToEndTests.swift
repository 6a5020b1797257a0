import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Synchronization
import Testing

/// The server with its real log handler in a temporary `LOG_DIR`: what an operator gets with `DEBUG=tenant:*`, and what
/// no log line may ever contain.
@Suite("Debug logs end to end")
struct LoggingEndToEndTests {
    static let password = "log-test passphrase 7Qz-41"

    /// What a run of ``exercise(_:capture:)`` produced and the logs are checked against.
    struct Scenario: Sendable {
        var accessToken: String
        var apiKey: String
        var organizationID: String
        /// The request id of the refused cross-tenant request, from its problem body (the server sends no id header).
        var refusedRequestID: String
    }

    /// Hands a value from the server's `@Sendable` body to the test after the server has stopped.
    final class Outcome: Sendable {
        let scenario = Mutex<Scenario?>(nil)
    }

    /// Signs up and in over HTTP with a known password, creates an organization and an API key, calls tenant routes with
    /// the bearer token and with the key, and makes a cross-tenant attempt and a request for an unknown organization.
    static func exercise(_ environment: [String: String], capture: LogCapture) async throws -> Scenario {
        let outcome = Outcome()
        let server = TestServer(
            environment: ["MULTI_TENANT_ENABLED": "true"].merging(capture.environment) { $1 }.merging(environment) { $1 },
            makeLogger: { capture.makeLogger($0) }
        )
        try await server.run(seed: TwoTenants.seed) { client, _, _ in
            let signUp = try await client.send(
                .post, "/api/auth/signup", json: #"{"email":"logs@initech.test","name":"Log Tester","password":"\#(Self.password)"}"#)
            #expect(signUp.status == .created)
            let login = try await client.send(.post, "/api/auth/login", json: #"{"email":"logs@initech.test","password":"\#(Self.password)"}"#)
            let token = try #require(try login.json["token"]?.string)

            let organization = try await client.send(
                .post, "/api/organizations", token: token,
                json: #"{"name":"initech","displayName":"Initech","subdomain":"initech","contactEmail":"admin@initech.test"}"#)
            #expect(organization.status == .created)
            let organizationID = try #require(try organization.json["id"]?.string)

            #expect(try await client.send(.get, "/api/projects", host: "initech.localhost", token: token).status == .ok)
            let project = try await client.send(.post, "/api/projects", host: "initech.localhost", token: token, json: #"{"name":"Logs"}"#)
            #expect(project.status == .created)

            let created = try await client.send(
                .post, "/api/organizations/\(organizationID)/api-keys", token: token, json: #"{"name":"Log bot","scopes":["read"]}"#)
            let apiKey = try #require(try created.json["key"]?.string)
            #expect(try await client.send(.get, "/api/projects", host: "initech.localhost", token: apiKey).status == .ok)
            let keyHeader = try #require(HTTPField.Name("X-API-Key"))
            #expect(try await client.send(.get, "/api/tasks", host: "initech.localhost", headers: [keyHeader: apiKey]).status == .ok)
            // A client that puts a credential in the path: the resolution line logs the path, which must come out redacted.
            _ = try await client.send(.get, "/api/projects/\(apiKey)", host: "initech.localhost", token: token)
            _ = try await client.send(.get, "/api/projects/\(token)", host: "initech.localhost", token: token)
            // Credentials in a query string must not surface either.
            _ = try await client.send(.get, "/api/projects?password=\(Self.password.replacingOccurrences(of: " ", with: "+"))&token=\(token)",
                host: "initech.localhost", token: token)

            let refused = try await client.send(.get, "/api/tasks", host: "globex.localhost", token: token)
            #expect(refused.problemCode == "cross_tenant_access_denied")
            let refusedRequestID = try #require(try refused.json["requestId"]?.string)
            #expect(try await client.send(.get, "/api/tasks", host: "nobody.localhost", token: token).status == .notFound)

            outcome.scenario.withLock {
                $0 = Scenario(accessToken: token, apiKey: apiKey, organizationID: organizationID, refusedRequestID: refusedRequestID)
            }
        }
        return try #require(outcome.scenario.withLock { $0 })
    }

    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n")
    }

    /// No file under `LOG_DIR` and nothing on the console holds the password, the access token or the API key's secret.
    static func expectNoSecrets(_ capture: LogCapture, _ scenario: Scenario) throws {
        let apiKeySecret = String(try #require(scenario.apiKey.split(separator: "_").last))
        let tokenSignature = String(try #require(scenario.accessToken.split(separator: ".").last))
        let everything = try capture.everything()
        #expect(everything.keys.contains("tenant-isolation.log"))
        #expect(everything.keys.contains("organization-service.log"))
        for (file, text) in everything {
            for secret in [Self.password, scenario.accessToken, tokenSignature, scenario.apiKey, apiKeySecret] {
                #expect(!text.contains(secret), "\(file) holds a secret")
            }
            #expect(!text.contains("passphrase 7Qz"), "\(file) holds part of the password")
        }
    }

    @Test func debugTenantWritesResolutionLinesWithRequestAndOrganizationIDsAndNoSecrets() async throws {
        let capture = try LogCapture()
        let scenario = try await Self.exercise(["DEBUG": "tenant:*"], capture: capture)

        let tenantLog = try #require(try capture.logFile("tenant-isolation.log"))
        let lines = Self.lines(tenantLog)
        #expect(lines.allSatisfy { $0.contains(" namespace=tenant:") })
        let resolutions = lines.filter { $0.contains(" namespace=tenant:resolve ") }
        // Every resolution names its request; the successful ones in initech also name the organization.
        #expect(resolutions.allSatisfy { !$0.contains(" request_id=- ") })
        let initech = resolutions.filter { $0.contains(" organization_id=\(scenario.organizationID) ") }
        #expect(initech.count >= 5)
        #expect(initech.allSatisfy { line in
            line.contains(" tenant.host=initech.localhost") && line.contains(" tenant.strategy=subdomain") && line.contains(" tenant.path=/api/")
        })
        #expect(resolutions.contains { $0.contains("tenant.host=nobody.localhost") && $0.contains("refused") && $0.contains(" organization_id=- ") })
        #expect(lines.contains { $0.contains(" namespace=tenant:cache ") && $0.contains("Tenant cache hit") })

        // The refused request can be followed by its id from the response: its resolution, then the refusal.
        let refusedLines = lines.filter { $0.contains(" request_id=\(scenario.refusedRequestID) ") }
        #expect(refusedLines.contains { $0.contains(" namespace=tenant:resolve ") })
        #expect(refusedLines.contains { $0.contains(" namespace=tenant:isolation ") && $0.contains("level=warning") && $0.contains("Cross-tenant") })

        let console = try #require(try capture.everything()["console"])
        #expect(console.contains(" namespace=tenant:resolve "))
        try Self.expectNoSecrets(capture, scenario)
    }

    @Test func everythingAtDebugStillWritesNoSecrets() async throws {
        let capture = try LogCapture()
        let scenario = try await Self.exercise(["DEBUG": "*", "LOG_LEVEL": "debug"], capture: capture)
        let lines = Self.lines(try #require(try capture.logFile("tenant-isolation.log")))
        #expect(lines.contains { $0.contains(" namespace=tenant:resolve ") && $0.contains(" organization_id=\(scenario.organizationID) ") })
        #expect(lines.contains { $0.contains(" namespace=tenant:cache ") && $0.contains("Tenant cache invalidated") })
        try Self.expectNoSecrets(capture, scenario)
    }

    @Test func withoutDebugThereAreNoResolutionLines() async throws {
        let capture = try LogCapture()
        let scenario = try await Self.exercise([:], capture: capture)
        let tenantLog = try #require(try capture.logFile("tenant-isolation.log"))
        #expect(!tenantLog.contains("namespace=tenant:resolve"))
        #expect(!tenantLog.contains("namespace=tenant:cache"))
        // Access decisions are warnings: they are written whatever DEBUG says.
        #expect(tenantLog.contains(" request_id=\(scenario.refusedRequestID) "))
        try Self.expectNoSecrets(capture, scenario)
    }
}
