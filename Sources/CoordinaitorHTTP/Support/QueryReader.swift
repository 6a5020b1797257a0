import CoordinaitorDomain
import Foundation
import Hummingbird

/// Typed access to query parameters; a bad value is a 400 naming the parameter and what it accepts.
package struct QueryReader {
    private let parameters: Parameters

    package init(_ request: Request) {
        self.parameters = request.uri.queryParameters
    }

    /// `limit`: 1…100, default 20.
    private func limit() throws -> Int {
        guard let raw = self.parameters.get("limit") else { return PageRequest.defaultLimit }
        guard let limit = Int(raw), (1...PageRequest.maximumLimit).contains(limit) else {
            throw Self.invalid("limit", "Must be a whole number from 1 to \(PageRequest.maximumLimit).")
        }
        return limit
    }

    /// `limit` (1…100, default 20) and `cursor` (the last id of the previous page).
    package func page() throws -> PageRequest {
        var page = PageRequest(limit: try self.limit())
        if let raw = self.parameters.get("cursor") {
            // Cursors are ids; checking the form keeps arbitrary strings out of queries.
            guard let cursor = TypedID<CursorKind>(raw) else { throw Self.invalid("cursor", "Must be the nextCursor of a previous page.") }
            page.after = cursor.description
        }
        return page
    }

    package func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, as type: Choice.Type) throws -> Choice?
    where Choice.RawValue == String {
        guard let raw = self.parameters.get(name) else { return nil }
        guard let choice = Choice(rawValue: raw) else {
            throw Self.invalid(name, "Must be one of: \(Choice.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return choice
    }

    package func id<Kind: IdentifierKind>(_ name: String, as type: TypedID<Kind>.Type) throws -> TypedID<Kind>? {
        guard let raw = self.parameters.get(name) else { return nil }
        guard let id = TypedID<Kind>(raw) else { throw Self.invalid(name, "Must be a \(Kind.resourceName) id (a UUID).") }
        return id
    }

    /// Free text of at most 100 characters.
    package func text(_ name: String) throws -> String? {
        guard let raw = self.parameters.get(name) else { return nil }
        guard raw.count <= 100 else { throw Self.invalid(name, "Must be at most 100 characters.") }
        return raw
    }

    package func token(_ name: String) throws -> String? {
        guard let raw = self.parameters.get(name) else { return nil }
        guard TextRules.isToken(raw) else { throw Self.invalid(name, "Must be 1 to 64 of a-z, 0-9, '_', '.', '-'.") }
        return raw
    }

    /// A month written `YYYY-MM`, not after `latest`.
    package func period(_ name: String, notAfter latest: UsagePeriod) throws -> UsagePeriod? {
        guard let raw = self.parameters.get(name) else { return nil }
        guard let period = UsagePeriod(raw), period <= latest else {
            throw Self.invalid(name, "Must be a month written YYYY-MM, not in the future.")
        }
        return period
    }

    /// An audit action (`task.created`) or a prefix ending in `*` (`task.*`): lower-case letters, digits, `_` and `.`.
    package func auditAction(_ name: String) throws -> String? {
        guard let raw = self.parameters.get(name) else { return nil }
        let body = raw.hasSuffix("*") ? raw.dropLast() : Substring(raw)
        let allowed = body.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
        guard allowed, raw.utf8.count <= 64, !raw.isEmpty else {
            throw Self.invalid(name, "Must be an action such as task.created, or a prefix such as task.*")
        }
        return raw
    }

    /// `limit` (1…100, default 20) and a `cursor` that is a storage position (audit entries): a positive whole number.
    package func positionPage() throws -> PageRequest {
        var page = PageRequest(limit: try self.limit())
        if let raw = self.parameters.get("cursor") {
            guard let position = Int64(raw), position > 0 else { throw Self.invalid("cursor", "Must be the nextCursor of a previous page.") }
            page.after = String(position)
        }
        return page
    }

    /// An ISO 8601 time such as `2026-11-27T12:00:00Z` (fractional seconds allowed) or a date `2026-11-27` (midnight UTC).
    package func time(_ name: String) throws -> Date? {
        guard let raw = self.parameters.get(name) else { return nil }
        if let time = try? Date(raw, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return time }
        if let time = try? Date(raw, strategy: Date.ISO8601FormatStyle()) { return time }
        if let day = try? Date(raw, strategy: Date.ISO8601FormatStyle().year().month().day()) { return day }
        throw Self.invalid(name, "Must be an ISO 8601 time such as 2026-11-27T12:00:00Z, or a date such as 2026-11-27.")
    }

    private static func invalid(_ name: String, _ message: String) -> APIError {
        APIError(
            status: .badRequest,
            code: "invalid_query_parameter",
            detail: "Query parameter '\(name)': \(message)",
            field: name,
            issues: [APIError.FieldIssue(field: name, message: message)]
        )
    }
}

/// Cursors are the ids of list items; this kind only serves to parse them.
package enum CursorKind: IdentifierKind { package static let resourceName = "cursor" }
