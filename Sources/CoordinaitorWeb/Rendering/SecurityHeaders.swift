import HTTPTypes
import Hummingbird

/// Headers every dashboard page carries: a strict Content-Security-Policy (scripts and styles from this server only,
/// the one inline `<style>` with the branding colours allowed by its nonce), no framing, no sniffing, no caching.
enum SecurityHeaders {
    static func page(styleNonce: String) -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.contentSecurityPolicy] = [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self' 'nonce-\(styleNonce)'",
            // Organizations' logos are their own URLs.
            "img-src 'self' https: data:",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
        ].joined(separator: "; ")
        fields[.cacheControl] = "no-store"
        fields[Self.frameOptions] = "DENY"
        fields[Self.referrerPolicy] = "same-origin"
        fields[Self.contentTypeOptions] = "nosniff"
        return fields
    }

    static let frameOptions = Self.name("X-Frame-Options")
    static let referrerPolicy = Self.name("Referrer-Policy")
    static let contentTypeOptions = Self.name("X-Content-Type-Options")

    private static func name(_ text: String) -> HTTPField.Name {
        guard let name = HTTPField.Name(text) else { preconditionFailure("'\(text)' is not a valid HTTP field name") }
        return name
    }
}
