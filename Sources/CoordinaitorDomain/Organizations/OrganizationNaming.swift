/// Rules for the identifiers an organization is addressed by: slugs, subdomains and custom domains.
package enum OrganizationNaming {
    /// Subdomains that belong to the platform itself and can never name an organization.
    package static let reservedSubdomains: Set<String> = [
        "www", "api", "admin", "app", "docs", "status", "mail", "smtp", "imap", "pop", "ftp", "cdn", "static", "assets",
        "dashboard", "auth", "login", "signup", "help", "support", "blog", "billing", "org", "default-platform",
    ]

    /// A slug: 1 to 63 of `a-z`, `0-9` and `-`, neither starting nor ending with `-`.
    /// The same rule makes a valid DNS label, so every slug is also usable as a subdomain.
    package static func isSlug(_ value: some StringProtocol) -> Bool {
        let bytes = Array(value.utf8)
        guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    /// Why `subdomain` cannot name an organization, or nil when it can.
    package static func subdomainProblem(_ subdomain: String) -> String? {
        if !self.isSlug(subdomain) {
            return "Must be a lower-case DNS label: 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen."
        }
        if self.reservedSubdomains.contains(subdomain) { return "'\(subdomain)' is reserved by the platform." }
        // Punycode and other "xx--" labels would let a look-alike of another organization's name through.
        if subdomain.count >= 4, subdomain.dropFirst(2).hasPrefix("--") { return "Labels with '--' in the third and fourth place are not allowed." }
        return nil
    }

    /// Why `name` cannot be an organization's unique slug, or nil when it can.
    package static func nameProblem(_ name: String) -> String? {
        self.isSlug(name) ? nil : "Must be a slug: 1 to 63 lower-case letters, digits or hyphens, not starting or ending with a hyphen."
    }

    /// Why `domain` cannot be a custom domain, or nil when it can.
    package static func domainProblem(_ domain: String) -> String? {
        guard case .name(let normalized) = HostName.normalize(domain), normalized == domain else {
            return "Must be a lower-case host name such as acme.com, without port or trailing dot."
        }
        return normalized.contains(".") ? nil : "Must have at least two labels, such as acme.com."
    }

    /// A deliberately loose check: one `@`, something on each side, a dot in the domain, no spaces.
    package static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), value.utf8.count <= 254 else { return false }
        return !value.contains(where: { $0.isWhitespace }) && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}
