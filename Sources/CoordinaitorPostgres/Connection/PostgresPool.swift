import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The connection pool the repositories lease from, replaced by a fresh one when PostgreSQL is found down.
///
/// While PostgresNIO's pool cannot connect it holds lease requests (it fails them only after 60 s, a setting
/// `PostgresClient` does not expose), and a waiting lease ends only when its task is cancelled or its pool shuts
/// down. So when ``PostgresHealthMonitor`` finds the database down, ``replace()`` shuts the current pool down, which
/// fails the leases queued in it at once (answered 503), and puts a new pool in its place for when the database is back.
/// Queries need no deadline of their own for this, and a pool that is merely busy is never touched.
final class PostgresPool: Sendable {
    /// One pool, and the signal that ends it.
    private struct Generation: Sendable {
        let client: PostgresClient
        let retired: AsyncStream<Void>
        let retire: AsyncStream<Void>.Continuation

        init(configuration: PostgresClient.Configuration, logger: Logger) {
            self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            let (retired, retire) = AsyncStream<Void>.makeStream()
            self.retired = retired
            self.retire = retire
        }

        /// Runs the pool until it is retired, graceful shutdown begins or the task is cancelled.
        func run() async {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.client.run() }
                group.addTask { for await _ in self.retired {} }
                await group.next()
                group.cancelAll()
            }
        }
    }

    private let configuration: PostgresClient.Configuration
    private let logger: Logger
    private let current: Mutex<Generation>
    private let started: AsyncStream<Generation>
    private let start: AsyncStream<Generation>.Continuation

    init(configuration: PostgresClient.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        let first = Generation(configuration: configuration, logger: logger)
        self.current = Mutex(first)
        let (started, start) = AsyncStream<Generation>.makeStream()
        self.started = started
        self.start = start
        start.yield(first)
    }

    /// The pool to lease from now.
    var client: PostgresClient { self.current.withLock { $0.client } }

    /// Runs the current pool and every replacement until graceful shutdown begins or the task is cancelled.
    func run() async {
        await withDiscardingTaskGroup { group in
            for await generation in self.started.cancelOnGracefulShutdown() {
                group.addTask { await generation.run() }
            }
        }
    }

    /// Starts a fresh pool for new leases and shuts the current one down, failing the leases that wait in it.
    func replace() {
        let fresh = Generation(configuration: self.configuration, logger: self.logger)
        let old = self.current.withLock { current in
            defer { current = fresh }
            return current
        }
        self.start.yield(fresh)
        old.retire.finish()
        self.logger.notice("PostgreSQL connection pool replaced; requests that waited for a connection were failed")
    }
}
