import CoordinaitorDomain
import Crypto

/// Seals audit entries with HMAC-SHA256 under the server's audit secret (`AUDIT_SECRET`). Without the secret, an
/// entry cannot be edited or put in the place of a deleted one without breaking the chain at that point.
package struct HMACAuditChainKey: AuditChainKey {
    /// The HMAC state after absorbing the key, copied for every entry: keying costs two SHA-256 blocks, as much as
    /// hashing a typical entry, and every API call's entry is sealed.
    private let keyed: HMAC<SHA256>

    package init(secret: String) {
        self.keyed = HMAC<SHA256>(key: SymmetricKey(data: Array(secret.utf8)))
    }

    package func mac(previousMAC: String, canonicalForm: [UInt8]) -> String {
        var hmac = self.keyed
        hmac.update(data: Array(previousMAC.utf8))
        hmac.update(data: [0x0A])
        hmac.update(data: canonicalForm)
        return hmac.finalize().lowercaseHex
    }
}
