import CoordinaitorDomain
import CoordinaitorHTTP
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test func everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let routes = try await TestServer().routes()
        try await TestServer().run { client, _ in
            let response = try await client.send(.get, "/openapi.json")
            #expect(response.status == .ok)
            let document = try response.json
            #expect(document["openapi"]?.string == "3.1.0")
            guard case .object(let paths) = document["paths"] else {
                Issue.record("The document has no paths")
                return
            }
            var documented: Set<String> = []
            for (path, item) in paths {
                guard case .object(let operations) = item else { continue }
                for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            let registered = Set(routes.map(\.description))
            #expect(registered.subtracting(documented).isEmpty, "Undocumented routes: \(registered.subtracting(documented).sorted())")
            #expect(documented.subtracting(registered).isEmpty, "Documented but not served: \(documented.subtracting(registered).sorted())")
        }
    }
}
