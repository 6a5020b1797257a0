import CoordinaitorServices
import Testing

/// Stored chains were sealed by earlier versions: the MAC must stay HMAC-SHA256 over the previous MAC, a newline and
/// the canonical form, in lower-case hex, whatever the implementation reuses between entries.
@Suite("HMAC audit chain key")
struct HMACAuditChainKeyTests {
    let key = HMACAuditChainKey(secret: "an-audit-secret-of-at-least-32-characters")

    @Test func macsMatchHMACSHA256ComputedIndependently() {
        // Expected values from Python's hmac module, not from this code.
        #expect(self.key.mac(previousMAC: "abc123", canonicalForm: Array("2:v1;".utf8)) == "30b42fcf3f855f12735146d7f2d07669bcfce382da9e9162cc1fb89f164e2162")
        #expect(self.key.mac(previousMAC: "", canonicalForm: Array("2:v1;".utf8)) == "eb6d34aa8e0932a11c6ced2f2cce97b496af4ab88823b9fc0a367e34dae47638")
    }

    @Test func theKeyedStateIsNotCarriedFromOneEntryToTheNext() {
        let first = self.key.mac(previousMAC: "", canonicalForm: Array("2:v1;".utf8))
        _ = self.key.mac(previousMAC: "something else", canonicalForm: Array("other".utf8))
        #expect(self.key.mac(previousMAC: "", canonicalForm: Array("2:v1;".utf8)) == first)
    }
}
