import CoordinaitorDomain
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// Whether the database answered lately, so that an outage costs clients a prompt 503 rather than a hung request.
///
/// The pool retries an unreachable server forever and holds every lease request meanwhile. So a lease that does not
/// come within `leaseTimeout` while the server refuses TCP connections (a busy pool on a live server is not an
/// outage), or a connection the server drops, marks the database down; while it is down, calls
/// fail at once with ``StoreUnavailableError``, except one probe per `probeInterval`, whose success marks it up.
final class PostgresAvailability: Sendable {
    let leaseTimeout: Duration
    let probeInterval: Duration
    private let downUntilProbe = Mutex<ContinuousClock.Instant?>(nil)
    /// Where the server listens over TCP, when it does.
    private let endpoint: (host: String, port: Int)?
    private let logger: Logger

    init(endpoint: (host: String, port: Int)?, leaseTimeout: Duration = .seconds(5), probeInterval: Duration = .seconds(1), logger: Logger) {
        self.endpoint = endpoint
        self.leaseTimeout = leaseTimeout
        self.probeInterval = probeInterval
        self.logger = logger
    }

    /// Whether a call may try the database now: always while it is up; once per probe interval while it is down.
    func admit() -> Bool {
        let now = ContinuousClock.now
        return self.downUntilProbe.withLock { nextProbe in
            guard let due = nextProbe else { return true }
            guard now >= due else { return false }
            nextProbe = now.advanced(by: self.probeInterval)
            return true
        }
    }

    /// Whether the server accepts a TCP connection now: evidence that a slow lease means a busy pool, not an outage.
    /// Unknown (a Unix socket) counts as yes, so that slowness alone never turns into errors.
    func serverAcceptsConnections() async -> Bool {
        guard let endpoint = self.endpoint else { return true }
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(1))
                .connect(host: endpoint.host, port: endpoint.port)
                .get()
            try? await channel.close()
            return true
        } catch {
            return false
        }
    }

    func markUp() {
        let wasDown = self.downUntilProbe.withLock { nextProbe in
            defer { nextProbe = nil }
            return nextProbe != nil
        }
        if wasDown { self.logger.notice("PostgreSQL answers again") }
    }

    func markDown(_ reason: String) {
        let wasUp = self.downUntilProbe.withLock { nextProbe in
            defer { if nextProbe == nil { nextProbe = ContinuousClock.now.advanced(by: self.probeInterval) } }
            return nextProbe == nil
        }
        if wasUp { self.logger.error("PostgreSQL is unavailable; answering 503 until it is back", metadata: ["reason": "\(reason)"]) }
    }

    /// Whether `error` says the connection or the server is gone, rather than that this statement failed.
    static func isOutage(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return error is ChannelError }
        switch error.code {
        case .serverClosedConnection, .connectionError, .uncleanShutdown:
            return true
        case .server:
            // 08xxx: connection exceptions; 57P01–57P03: the server is shutting down, crashed or starting up.
            guard let state = error.serverInfo?[.sqlState] else { return false }
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        default:
            return false
        }
    }
}

/// Set once a call got its connection, so the lease deadline no longer applies to it.
final class LeaseSignal: Sendable {
    private let leased = Mutex(false)

    func set() { self.leased.withLock { $0 = true } }
    var isSet: Bool { self.leased.withLock { $0 } }
}
