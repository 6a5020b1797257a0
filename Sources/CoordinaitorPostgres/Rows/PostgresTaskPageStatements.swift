import Foundation
import PostgresNIO

/// The unfiltered task list, the hottest query of the API, as prepared statements: PostgresNIO prepares each once per
/// connection, after which a page costs a `Bind` and an `Execute` instead of a parse and plan every time.
///
/// Two statements rather than one with `$2 IS NULL OR id < $2`, so each keeps a plan that walks the
/// `(organization_id, id)` index from the right place. Filtered lists use an ad-hoc query: their combinations are many
/// and rarer.
enum PostgresTaskPageStatements {
    /// The first page of an organization's tasks, newest first.
    struct First: PostgresPreparedStatement {
        static let sql = "SELECT \(PostgresColumns.task) FROM tasks WHERE organization_id = $1 ORDER BY id DESC LIMIT $2"
        static var bindingDataTypes: [PostgresDataType] { [.uuid, .int8] }

        let organizationID: UUID
        let limit: Int

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 2)
            bindings.append(self.organizationID)
            bindings.append(self.limit)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
    }

    /// A later page: the tasks after the cursor's id.
    struct After: PostgresPreparedStatement {
        static let sql = """
            SELECT \(PostgresColumns.task) FROM tasks WHERE organization_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3
            """
        static var bindingDataTypes: [PostgresDataType] { [.uuid, .uuid, .int8] }

        let organizationID: UUID
        let cursor: UUID
        let limit: Int

        func makeBindings() -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 3)
            bindings.append(self.organizationID)
            bindings.append(self.cursor)
            bindings.append(self.limit)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
    }
}

/// The organization's task-list version, read before every kept page is served: prepared, as often as the list.
struct PostgresTaskListVersionStatement: PostgresPreparedStatement {
    static let sql = "SELECT version FROM task_list_versions WHERE organization_id = $1"
    static var bindingDataTypes: [PostgresDataType] { [.uuid] }

    let organizationID: UUID

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(self.organizationID)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}
