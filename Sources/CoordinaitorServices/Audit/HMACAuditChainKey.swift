import CoordinaitorDomain
import Crypto

/// Seals audit entries with HMAC-SHA256 under the server's audit secret (`AUDIT_SECRET`). Without the secret, an
/// entry cannot be edited or put in the place of a deleted one without breaking the chain at that point.
package struct HMACAuditChainKey: AuditChainKey {
    private let key: SymmetricKey

    package init(secret: String) {
        self.key = SymmetricKey(data: Array(secret.utf8))
    }

    package func mac(previousMAC: String, canonicalForm: [UInt8]) -> String {
        var hmac = HMAC<SHA256>(key: self.key)
        hmac.update(data: Array(previousMAC.utf8))
        hmac.update(data: [0x0A])
        hmac.update(data: canonicalForm)
        return hmac.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 0x10 ? "0" + hex : hex
        }.joined()
    }
}
