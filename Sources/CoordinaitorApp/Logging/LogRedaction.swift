/// What the log handler hides before a line is written anywhere.
///
/// Two layers, because neither is enough alone: a key that names a secret hides its whole value whatever it looks
/// like (a password has no recognisable shape), and the text rules catch credentials that slip into messages and
/// ordinary values, such as an `Authorization` header quoted in an error or a token in a logged URL.
///
/// - Keys: a metadata key hides its value (nested dictionaries included) when a dotted component contains `password`,
///   `passwd`, `passphrase`, `secret`, `token`, `authorization`, `cookie`, `apikey`/`api_key`/`api-key`, `jwt`,
///   `credential`, `privatekey` or `bearer` (case-insensitive): `password`, `user.password`, `X-API-Key`,
///   `api_key.value`. Only a public attribute of such a thing is kept: `api_key.prefix`, `api_key.id`, `token.expires_at`.
/// - Text (messages and every value): see ``SecretTextScanner``.
package enum LogRedaction {
    /// What a hidden value is replaced with.
    package static let placeholder = "[REDACTED]"

    private static let secretKeyMarkers = [
        "password", "passwd", "passphrase", "secret", "token", "authorization", "cookie", "apikey", "jwt", "credential",
        "privatekey", "bearer",
    ]

    /// Last key components that describe a secret without revealing it (`api_key.prefix`), after separators are removed.
    private static let publicAttributes: Set<String> = ["id", "prefix", "name", "scopes", "count", "type", "expiresat", "createdat"]

    /// Whether a metadata key (such as `user.password` or `X-API-Key`) or a query parameter name names a secret.
    package static func isSecretKey(_ key: some StringProtocol) -> Bool {
        let components = key.lowercased().split(separator: ".").map { component in
            component.filter { $0 != "_" && $0 != "-" && $0 != " " }
        }
        guard let last = components.last else { return false }
        let namesSecret: (String) -> Bool = { component in self.secretKeyMarkers.contains { component.contains($0) } }
        if namesSecret(last) { return true }
        return !self.publicAttributes.contains(last) && components.dropLast().contains(where: namesSecret)
    }

    /// `text` with every credential the text rules recognise replaced.
    package static func redactText(_ text: String) -> String {
        SecretTextScanner.redact(text)
    }
}
