import FoundationEssentials

package enum AuditEventKind: IdentifierKind { package static let resourceName = "audit_event" }
package typealias AuditEventID = TypedID<AuditEventKind>

/// Who did it: a user, an API key, the server itself (background work, the CLI) or an unauthenticated caller.
package struct AuditActor: Hashable, Sendable, Codable {
    package enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case user
        case apiKey = "api_key"
        case system
        case anonymous
    }

    package var type: Kind
    /// The user's id or the API key's id; nil for system and anonymous actors.
    package var id: String?
    /// The user's email, for people reading the log.
    package var email: String?

    package init(type: Kind, id: String? = nil, email: String? = nil) {
        self.type = type
        self.id = id
        self.email = email
    }

    package static let system = AuditActor(type: .system)
    package static let anonymous = AuditActor(type: .anonymous)

    package init(_ principal: Principal) {
        switch principal {
        case .user(let user): self.init(type: .user, id: user.id.description, email: user.email)
        case .apiKey(let key): self.init(type: .apiKey, id: key.id.description)
        }
    }
}

/// What was acted on.
package struct AuditTarget: Hashable, Sendable, Codable {
    /// `task`, `project`, `member`, `organization`, `route` and so on.
    package var type: String
    package var id: String

    package init(type: String, id: String) {
        self.type = type
        self.id = id
    }

    package init<Kind: IdentifierKind>(_ id: TypedID<Kind>) {
        self.init(type: Kind.resourceName, id: id.description)
    }
}

/// How it ended: done, refused by a rule (authentication, isolation, role, tier, limit, rate), or failed otherwise.
package enum AuditResult: String, Hashable, Sendable, Codable, CaseIterable {
    case success, denied, failure
}

/// One thing that happened, as recorded before the log gives it a place in its organization's chain.
///
/// `organizationID` nil is a platform event (sign-in, sign-up, a denied cross-tenant attempt as the platform saw it).
package struct AuditEvent: Hashable, Sendable {
    package var id: AuditEventID
    package var organizationID: OrganizationID?
    /// Kept to the millisecond, which is what both databases store and what the chain signs.
    package var occurredAt: Date
    package var actor: AuditActor
    package var action: AuditAction
    package var target: AuditTarget?
    package var result: AuditResult
    package var ipAddress: String?
    package var userAgent: String?
    package var requestID: String?
    package var metadata: [String: String]

    package init(
        id: AuditEventID,
        organizationID: OrganizationID?,
        occurredAt: Date,
        actor: AuditActor,
        action: AuditAction,
        target: AuditTarget? = nil,
        result: AuditResult = .success,
        ipAddress: String? = nil,
        userAgent: String? = nil,
        requestID: String? = nil,
        metadata: [String: String] = [:]
    ) {
        self.id = id
        self.organizationID = organizationID
        self.occurredAt = Date(timeIntervalSince1970: (occurredAt.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
        self.actor = actor
        self.action = action
        self.target = target
        self.result = result
        self.ipAddress = ipAddress
        self.userAgent = userAgent
        self.requestID = requestID
        self.metadata = metadata
    }

    /// Milliseconds since 1970, as stored and signed.
    package var occurredAtMilliseconds: Int64 { Int64((self.occurredAt.timeIntervalSince1970 * 1000).rounded(.down)) }

    /// The chain this event belongs to.
    package var chain: AuditChain { AuditChain(self.organizationID) }

    /// Security events are written within a fraction of a second; the rest may wait for a fuller batch.
    package var isUrgent: Bool { self.result == .denied || self.action.isSecurityRelevant }
}

/// An event with its place in its chain: the sequence number and the MAC that links it to the one before.
package struct AuditEntry: Hashable, Sendable {
    package var event: AuditEvent
    /// 1, 2, 3 … per chain, without gaps.
    package var sequence: Int64
    /// Hex HMAC-SHA256 over the previous entry's MAC and this entry's canonical form.
    package var mac: String
    /// Where the row sits in the log's global insertion order (assigned by storage; 0 before it is stored). List cursors
    /// use it, so pages stay stable while new entries arrive.
    package var position: Int64

    package init(event: AuditEvent, sequence: Int64, mac: String, position: Int64 = 0) {
        self.event = event
        self.sequence = sequence
        self.mac = mac
        self.position = position
    }
}

extension AuditEvent {
    /// `metadata` as a JSON object with its keys in order, as both databases store it. Written directly rather than
    /// through `JSONEncoder`: every API call's entry goes through here, and the encoder cost more than the insert.
    package var metadataJSON: String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, key) in self.metadata.keys.sorted().enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.writeString(key, into: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONText.writeString(self.metadata[key] ?? "", into: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
