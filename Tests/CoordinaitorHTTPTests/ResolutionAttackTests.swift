import CoordinaitorDomain
import HTTPTypes
import HummingbirdTesting
import Testing

/// Hostile ways to name a tenant, each sent with acme's owner's token: every one either serves acme (and only acme) or
/// is refused with a problem and the right status, never reaches globex and never fails with a 5xx; refusals that are
/// access decisions are in the audit log under the request's id. The in-process client sends fields exactly as given;
/// ``ResolutionAttackOverASocketTests`` sends what only a raw socket can.
@Suite("Attacks on tenant resolution")
struct ResolutionAttackTests {
    static let strategies = ["subdomain", "domain", "header", "path"]

    static func environment(strategy: String) -> [String: String] {
        ["MULTI_TENANT_ENABLED": "true", "MULTI_TENANT_STRATEGY": strategy, "ALLOWED_DOMAINS": "acme.test,globex.test"]
    }

    @Test(arguments: ResolutionAttackTests.strategies)
    func everyAttackIsRefusedOrServesTheRightOrganization(strategy: String) async throws {
        try await TestServer(environment: Self.environment(strategy: strategy)).run(seed: TwoTenants.seed) { client, services, data in
            var recorded: [ResolutionAttack.Refusal] = []
            for attack in ResolutionAttack.catalog(strategy: strategy, data: data) {
                var fields = HTTPFields(attack.fields.map { HTTPField(name: HTTPField.Name($0.name)!, value: $0.value) })
                fields[.authorization] = "Bearer \(data.acme.token)"
                let response = try await client.execute(uri: attack.uri, method: .get, headers: fields, body: nil)
                attack.expectMet(by: ResolutionAttack.Answer(response), data: data)
                if case .refused(_, let code) = attack.outcome, let action = ResolutionAttack.auditAction(forProblem: code) {
                    let requestID = try #require(try response.json["requestId"]?.string, "\(attack)")
                    recorded.append(ResolutionAttack.Refusal(attack: attack, requestID: requestID, action: action))
                }
            }
            try await ResolutionAttack.expectRecorded(recorded, services: services)
        }
    }

    @Test func punycodeAndOtherDoubleHyphenSubdomainsCannotBeRegistered() async throws {
        try await TestServer(environment: Self.environment(strategy: "subdomain")).run(seed: TwoTenants.seed) { client, _, data in
            // xn--80ak6aa92e is "аррӏе" in Cyrillic letters: a look-alike of another name must not become a tenant host.
            for subdomain in ["xn--80ak6aa92e", "xn--acme-corp", "ac--me"] {
                let created = try await client.send(
                    .post, "/api/organizations", token: data.acme.token,
                    json: #"{"name":"look-alike","displayName":"Look-alike","subdomain":"\#(subdomain)","contactEmail":"a@look.test"}"#)
                #expect(created.status == .unprocessableContent, "\(subdomain)")
                #expect(try created.json["errors"]?.array.compactMap { $0["field"]?.string } == ["subdomain"], "\(subdomain)")
            }
        }
    }
}
