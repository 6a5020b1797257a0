import PostgresNIO

/// Which PostgresNIO errors say that the connection or the server is gone, rather than that a statement failed.
enum PostgresConnectionLoss {
    /// Connection-level failures: closed or refused connections, and the server codes for a connection exception
    /// (class 08) or a server that is shutting down, crashed or starting up (57P01, 57P02, 57P03).
    /// A statement not sent because its connection had closed counts too.
    static func matches(_ error: any Error) -> Bool {
        if error is PostgresConnectionClosedError { return true }
        guard let error = error as? PSQLError else { return error is ChannelError || error is IOError }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed:
            return true
        case .server:
            guard let state = error.serverInfo?[.sqlState] else { return false }
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        default:
            return false
        }
    }

    /// The pool's own `ConnectionPoolError`, thrown instead of a lease: the request was cancelled, the pool has shut
    /// down, or its circuit breaker, which fails every lease at once after a minute without a connection, is open.
    /// Its module (`_ConnectionPoolModule`) is underscored, not API this package imports, so the type is recognised by
    /// name.
    static func isPoolError(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)) == "_ConnectionPoolModule.ConnectionPoolError"
    }
}
