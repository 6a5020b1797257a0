/// What a list call asks for: at most `limit` items after `cursor`, newest first.
package struct PageRequest: Hashable, Sendable {
    package static let defaultLimit = 20
    package static let maximumLimit = 100

    package var limit: Int
    /// The id of the last item of the previous page; items older than it are returned.
    package var after: String?

    package init(limit: Int = PageRequest.defaultLimit, after: String? = nil) {
        self.limit = limit
        self.after = after
    }
}

/// One page of a list, with the cursor of the next page when there is one.
package struct Page<Item: Sendable>: Sendable {
    package var items: [Item]
    package var nextCursor: String?

    package init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    /// Builds a page from `limit + 1` fetched rows: the extra row only proves that a next page exists.
    ///
    /// Inlinable so that each store specializes it for its item type: generic code called across modules looked up
    /// type metadata and copied every item through value witnesses, on every page of every list. The extra row is
    /// dropped in place rather than the others copied.
    @inlinable
    package init(fetched: [Item], limit: Int, cursor: (Item) -> String) {
        var items = fetched
        if items.count > limit {
            items.removeLast(items.count - max(limit, 0))
            self.items = items
            self.nextCursor = items.last.map(cursor)
        } else {
            self.items = items
            self.nextCursor = nil
        }
    }
}
