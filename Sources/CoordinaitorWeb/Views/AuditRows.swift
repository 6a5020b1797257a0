import CoordinaitorDomain
import Foundation
import Hummingbird

/// An audit log listing with its filters, shared by an organization's viewer and the platform console's.
struct AuditListing: Sendable {
    struct Row: Sendable {
        var position: String
        var time: String
        var action: String
        var actor: String
        var target: String
        var result: String
        var isRefusal: Bool
        var ipAddress: String
    }

    struct Option: Sendable {
        var value: String
        var isSelected: Bool
    }

    var rows: [Row]
    var action: String
    var actor: String
    var from: String
    var until: String
    var results: [Option]
    /// The query string of the next (older) page, when there is one.
    var nextQuery: String?

    /// Reads the filters from the query: `action` (exact, or a prefix ending in `*`), `actor` (id or email),
    /// `result`, `from` and `until` (days, `YYYY-MM-DD`, until inclusive) and the `after` cursor.
    static func query(from request: Request, chain: AuditChain?) throws -> AuditQuery {
        let parameters = request.uri.queryParameters
        let text = { (name: String) -> String? in
            guard let value = parameters[Substring(name)].map(String.init)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        var result: AuditResult?
        if let raw = text("result") {
            guard let parsed = AuditResult(rawValue: raw) else { throw WebError(status: .badRequest, message: "Unknown result '\(raw)'.") }
            result = parsed
        }
        return AuditQuery(
            chain: chain,
            action: text("action"),
            actor: text("actor"),
            result: result,
            from: try text("from").map { try Self.day($0, field: "from") },
            until: try text("until").map { try Self.day($0, field: "until").addingTimeInterval(86_400) },
            page: PageRequest(limit: 50, after: text("after"))
        )
    }

    init(_ page: Page<AuditEntry>, query: AuditQuery, request: Request) {
        let parameters = request.uri.queryParameters
        let echo = { (name: String) in parameters[Substring(name)].map(String.init) ?? "" }
        self.rows = page.items.map { entry in
            let event = entry.event
            return Row(
                position: "\(entry.position)",
                time: Formatting.timestamp(event.occurredAt),
                action: event.action.rawValue,
                actor: event.actor.email ?? event.actor.id.map { "\(event.actor.type.rawValue):\($0)" } ?? event.actor.type.rawValue,
                target: event.target.map { "\($0.type):\($0.id)" } ?? "",
                result: event.result.rawValue,
                isRefusal: event.result != .success,
                ipAddress: event.ipAddress ?? ""
            )
        }
        self.action = echo("action")
        self.actor = echo("actor")
        self.from = echo("from")
        self.until = echo("until")
        self.results = AuditResult.allCases.map { Option(value: $0.rawValue, isSelected: $0 == query.result) }
        self.nextQuery = page.nextCursor.map { cursor in
            var items = ["action": self.action, "actor": self.actor, "from": self.from, "until": self.until, "result": query.result?.rawValue ?? ""]
            items["after"] = cursor
            return items.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
                .map { "\($0.key)=\(WebErrorMiddleware.encodeQueryValue($0.value))" }.joined(separator: "&")
        }
    }

    private static func day(_ text: String, field: String) throws -> Date {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = DateComponents(calendar: .utc, year: parts[0], month: parts[1], day: parts[2]).date,
            (1...12).contains(parts[1]), (1...31).contains(parts[2])
        else {
            throw WebError(status: .badRequest, message: "'\(field)' must be a day written YYYY-MM-DD.")
        }
        return date
    }
}
