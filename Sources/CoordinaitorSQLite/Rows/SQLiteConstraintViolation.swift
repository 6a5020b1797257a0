import CoordinaitorDomain
import Foundation

/// Turns SQLite's unique violations into the domain's `conflict`, naming the field from the message
/// (`UNIQUE constraint failed: projects.organization_id, projects.name` names `name`).
enum SQLiteConstraintViolation {
    private static let uniquePrefix = "UNIQUE constraint failed: "

    /// Runs `body`, rethrowing a unique violation as ``ResourceError/conflict(_:field:)`` for `resource`.
    @discardableResult
    static func mapConflicts<Result>(resource: String, _ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch {
            throw self.translated(error, resource: resource)
        }
    }

    /// The same, for a step inside a write transaction (which runs synchronously on the writer's thread).
    @discardableResult
    static func mapConflicts<Result>(resource: String, _ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch {
            throw self.translated(error, resource: resource)
        }
    }

    private static func translated(_ error: any Error, resource: String) -> any Error {
        guard let error = error as? SQLiteStatementError, let field = self.uniqueField(error) else { return error }
        return ResourceError.conflict(resource, field: field)
    }

    /// The last column of the violated unique key (the one that is not the tenant's `organization_id`), named as the
    /// request field: `memberships.organization_id, memberships.user_id` names `userId`, as PostgreSQL's mapping does.
    static func uniqueField(_ error: SQLiteStatementError) -> String? {
        guard error.isConstraintViolation else { return nil }
        guard let range = error.message.range(of: Self.uniquePrefix) else { return nil }
        let columns = error.message[range.upperBound...].split(separator: ",")
        guard let last = columns.last?.split(separator: ".").last else { return nil }
        return Self.requestField(column: String(last).trimmed)
    }

    /// A snake_case column name in the API's camelCase.
    private static func requestField(column: String) -> String {
        let words = column.split(separator: "_")
        guard let first = words.first else { return column }
        return String(first) + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
