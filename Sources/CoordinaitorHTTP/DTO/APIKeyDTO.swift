import CoordinaitorDomain
import Foundation

/// An API key as the API shows it: never its secret or hash.
struct APIKeyResponse: Encodable, Sendable {
    var id: String
    var organizationId: String
    var name: String
    var prefix: String
    var scopes: [String]
    var createdBy: String
    var createdAt: String
    var expiresAt: String?
    var lastUsedAt: String?
    var revokedAt: String?

    init(_ key: APIKey) {
        self.id = key.id.description
        self.organizationId = key.organizationID.description
        self.name = key.name
        self.prefix = key.prefix
        self.scopes = key.scopes.sorted().map(\.rawValue)
        self.createdBy = key.createdBy.description
        self.createdAt = Timestamp.format(key.createdAt)
        self.expiresAt = Timestamp.format(key.expiresAt)
        self.lastUsedAt = Timestamp.format(key.lastUsedAt)
        self.revokedAt = Timestamp.format(key.revokedAt)
    }
}

/// The response to creating a key: the only time its secret is shown.
struct CreatedAPIKeyResponse: Encodable, Sendable {
    var apiKey: APIKeyResponse
    var key: String
}

struct APIKeyListResponse: Encodable, Sendable {
    var apiKeys: [APIKeyResponse]
    var nextCursor: String?
}

struct CreateAPIKeyRequest: Decodable {
    static let fields: Set<String> = ["name", "scopes", "expiresAt"]
    var name: String
    var scopes: Set<APIKeyScope>
    var expiresAt: Date?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        self.name = try container.decode(String.self, forKey: "name")
        var scopes: Set<APIKeyScope> = []
        var list = try container.nestedUnkeyedContainer(forKey: "scopes")
        while !list.isAtEnd {
            let index = list.currentIndex
            let raw = try list.decode(String.self)
            guard let scope = APIKeyScope(rawValue: raw) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: list.codingPath + [IndexKey(index)],
                        debugDescription: "Must be one of: \(APIKeyScope.allCases.map(\.rawValue).joined(separator: ", ")).")
                )
            }
            scopes.insert(scope)
        }
        self.scopes = scopes
        if let raw = try container.decodeIfPresent(String.self, forKey: "expiresAt") {
            guard let date = try? Date(raw, strategy: .iso8601) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: container.codingPath + [AnyKey(stringValue: "expiresAt")], debugDescription: "Must be an ISO 8601 date-time."))
            }
            self.expiresAt = date
        }
    }
}
