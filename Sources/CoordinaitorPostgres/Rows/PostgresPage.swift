import CoordinaitorDomain
import Foundation
import PostgresNIO

/// Keyset pagination shared by the list queries: newest first by id, `limit + 1` rows after the cursor.
enum PostgresPage {
    /// How many rows a list query fetches: one more than the page, to learn whether a next page exists.
    static func fetchLimit(_ page: PageRequest) -> Int { max(page.limit, 0) + 1 }

    /// The id a page continues after, or nil for the first page.
    static func cursor(_ page: PageRequest) throws(ValidationError) -> UUID? {
        guard let after = page.after else { return nil }
        guard after.utf8.count == 36, let uuid = UUID(uuidString: after) else {
            throw ValidationError(field: "after", "Must be the cursor of a previous page.")
        }
        return uuid
    }

    static func page<Item>(_ rows: [PostgresRow], for page: PageRequest, decode: (PostgresRow) throws -> Item, cursor: (Item) -> String) throws -> Page<Item> {
        Page(fetched: try rows.map(decode), limit: max(page.limit, 0), cursor: cursor)
    }
}
