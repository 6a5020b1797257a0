import FoundationEssentials

/// A UUID that knows what it identifies, so an agent id can never be passed where a project id is expected.
///
/// Encodes as the plain lower-case UUID string.
package struct TypedID<Kind: IdentifierKind>: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    package let uuid: UUID

    package init(_ uuid: UUID) {
        self.uuid = uuid
    }

    /// Parses the canonical 8-4-4-4-12 form, case-insensitively.
    package init?(_ string: String) {
        guard let uuid = UUIDText.parse(string) else { return nil }
        self.uuid = uuid
    }

    /// Any other text: copied into a `String` first (rows and most callers hand over a `String`, which takes the
    /// overload above).
    package init?(_ string: some StringProtocol) {
        self.init(String(string))
    }

    package var description: String { UUIDText.lowercased(self.uuid) }

    /// Ordering of the lower-case string form, which is what both databases sort by.
    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let id = Self(string) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected a UUID.")
        }
        self = id
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}

/// Marks what a ``TypedID`` identifies.
package protocol IdentifierKind: Sendable {
    static var resourceName: String { get }
}

package enum OrganizationKind: IdentifierKind { package static let resourceName = "organization" }
package enum ProjectKind: IdentifierKind { package static let resourceName = "project" }
package enum TaskKind: IdentifierKind { package static let resourceName = "task" }
package enum AgentKind: IdentifierKind { package static let resourceName = "agent" }
package enum UserKind: IdentifierKind { package static let resourceName = "user" }

package typealias OrganizationID = TypedID<OrganizationKind>
package typealias ProjectID = TypedID<ProjectKind>
package typealias TaskID = TypedID<TaskKind>
package typealias AgentID = TypedID<AgentKind>
package typealias UserID = TypedID<UserKind>

package enum APIKeyKind: IdentifierKind { package static let resourceName = "api_key" }
package enum InvitationKind: IdentifierKind { package static let resourceName = "invitation" }

package typealias APIKeyID = TypedID<APIKeyKind>
package typealias InvitationID = TypedID<InvitationKind>
