import CoordinaitorServices
import Testing

@Suite("Metrics access token")
struct MetricsAccessTokenTests {
    @Test func onlyTheBearerTokenItselfIsAccepted() throws {
        #expect(MetricsAccessToken(nil) == nil)
        #expect(MetricsAccessToken("") == nil)
        let token = try #require(MetricsAccessToken("s3cret-token"))
        #expect(token.accepts(authorization: "Bearer s3cret-token"))
        #expect(token.accepts(authorization: "bearer s3cret-token"))
        #expect(!token.accepts(authorization: nil))
        #expect(!token.accepts(authorization: "Bearer s3cret-tokeN"))
        #expect(!token.accepts(authorization: "Bearer s3cret-token-and-more"))
        #expect(!token.accepts(authorization: "Basic s3cret-token"))
        #expect(!token.accepts(authorization: "s3cret-token"))
    }
}
