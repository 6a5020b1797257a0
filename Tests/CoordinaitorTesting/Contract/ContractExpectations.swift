import CoordinaitorDomain
import Testing

/// Expects `body` to throw a ``ResourceError`` with `code`, `resource` and `field`.
func expectResourceError(
    _ code: ResourceError.Code,
    _ resource: String,
    field: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async {
    do {
        try await body()
        Issue.record("Expected \(code) for \(resource), but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as ResourceError {
        #expect(error.code == code, sourceLocation: sourceLocation)
        #expect(error.resource == resource, sourceLocation: sourceLocation)
        #expect(error.field == field, sourceLocation: sourceLocation)
    } catch {
        Issue.record("Expected \(code) for \(resource), got \(error)", sourceLocation: sourceLocation)
    }
}

/// Reads every page of a list, `limit` at a time, checking that pages are full until the last.
func collectPages<Item>(
    limit: Int,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ fetch: (PageRequest) async throws -> Page<Item>
) async throws -> [Item] {
    var items: [Item] = []
    var cursor: String?
    var pages = 0
    repeat {
        let page = try await fetch(PageRequest(limit: limit, after: cursor))
        if page.nextCursor != nil { #expect(page.items.count == limit, sourceLocation: sourceLocation) }
        items += page.items
        cursor = page.nextCursor
        pages += 1
    } while cursor != nil && pages < 1000
    return items
}

/// A deliberate failure thrown from an update closure.
struct RejectedChange: Error, Equatable {}
