import FoundationEssentials

package enum UserStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case active, disabled
}

/// A person who signs in. A user may belong to several organizations through memberships.
package struct User: Hashable, Sendable {
    package var id: UserID
    /// Lower-cased; unique (a database constraint), so `Ann@X.com` and `ann@x.com` are one account.
    package var email: String
    package var name: String
    /// A bcrypt hash; the password itself is never stored or logged.
    package var passwordHash: String
    package var status: UserStatus
    package var isSuperAdmin: Bool
    package var createdAt: Date
    package var updatedAt: Date

    package init(
        id: UserID,
        email: String,
        name: String,
        passwordHash: String,
        status: UserStatus,
        isSuperAdmin: Bool,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.status = status
        self.isSuperAdmin = isSuperAdmin
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The rules for what a person signs up with.
package enum Credentials {
    package static let passwordLength = 10...256

    /// The form emails are stored and compared in.
    package static func normalizedEmail(_ email: String) -> String {
        email.trimmed.lowercased()
    }

    /// Checks an email, a name and a password, reporting every problem.
    package static func validateSignUp(email: String, name: String, password: String) throws(ValidationError) {
        var collector = ValidationCollector()
        collector.check(OrganizationNaming.isEmail(self.normalizedEmail(email)), field: "email", "Must be an email address.")
        TextRules.checkName(name, field: "name", into: &collector)
        collector.check(
            self.passwordLength.contains(password.count),
            field: "password",
            "Must be \(self.passwordLength.lowerBound) to \(self.passwordLength.upperBound) characters."
        )
        try collector.throwIfAny()
    }
}
