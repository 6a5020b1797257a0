import PostgresNIO

/// Which PostgresNIO errors say that the connection or the server is gone, rather than that a statement failed.
enum PostgresConnectionLoss {
    /// Connection-level failures: closed or refused connections, and the server codes for a connection exception
    /// (class 08) or a server that is shutting down, crashed or starting up (57P01, 57P02, 57P03).
    static func matches(_ error: any Error) -> Bool {
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
}
