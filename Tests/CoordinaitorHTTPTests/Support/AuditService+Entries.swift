import CoordinaitorDomain
import CoordinaitorServices

extension AuditService {
    /// Every entry of `chain` whose action matches `action` (exact, or a prefix ending in `*`), newest first, read page
    /// by page; what is still queued is written first.
    func entries(in chain: AuditChain, action: String) async throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        var cursor: String? = nil
        repeat {
            let query = AuditQuery(chain: chain, action: action, page: PageRequest(limit: PageRequest.maximumLimit, after: cursor))
            let page = try await self.list(query)
            entries += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return entries
    }
}
