import CoordinaitorDomain
import PostgresNIO

extension PostgresHealth {
    /// Runs `work` on a connection leased from `client`, or fails with ``StoreUnavailableError`` at once: when the
    /// database is already down, or when it goes down while the call waits for its lease.
    ///
    /// The work runs in a child task so that it can be cancelled: when ``markDown()`` arrives before the lease, the
    /// child is cancelled, which PostgresNIO turns into removing the request from the pool's queue and failing it at
    /// once (`ConnectionRequest.leaseConnection()`: a cancellation handler calls `cancelLeaseConnection`). A call that
    /// has its connection is never cancelled: an outage closes that connection anyway (the server ends its sessions),
    /// and a false alarm must not abort a healthy transaction halfway. The one pool lives as long as the process; no
    /// pool is shut down or replaced while calls wait in it.
    ///
    /// Costs one child task and three short lock holds per call; no extra round trip, no timer.
    func withConnection<Result: Sendable>(
        from client: PostgresClient,
        _ work: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let ticket = try self.admit()
        return try await withThrowingTaskGroup(of: Result.self) { group in
            group.addTask {
                // Every way out of the child settles the ticket, so the wait below always ends.
                defer { self.settle(ticket) }
                return try await client.withConnection { connection in
                    self.settle(ticket)
                    return try await work(connection)
                }
            }
            let outage = await self.awaitLease(ticket) == .outage
            if outage { group.cancelAll() }
            do {
                // One child, so `next()` returns its outcome; nil only if there were none.
                guard let result = try await group.next() else { throw CancellationError() }
                return result
            } catch where outage && (error is CancellationError || PostgresConnectionLoss.isPoolError(error)) {
                throw StoreUnavailableError("PostgreSQL went down while the call waited for a connection")
            }
        }
    }
}
