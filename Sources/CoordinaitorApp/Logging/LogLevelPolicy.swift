import CoordinaitorDomain
import Logging

/// Which lines pass, from `LOG_LEVEL` and `DEBUG`.
///
/// - A line whose namespace `DEBUG` switches on passes from debug up (from trace with `LOG_LEVEL=trace`): `DEBUG` lowers
///   the level of the namespaces it names, never raises it.
/// - A line of any other namespace passes from `LOG_LEVEL` up, but never below info: `LOG_LEVEL=debug` alone does not
///   flood the console and the tenant log files with every namespace's debug lines; `DEBUG` picks them.
/// - A line without a namespace (Hummingbird's, the database drivers') passes from `LOG_LEVEL` up.
package struct LogLevelPolicy: Sendable {
    /// `LOG_LEVEL`.
    package var minimumLevel: Logger.Level
    /// `DEBUG`.
    package var debug: DebugNamespaces

    package init(minimumLevel: Logger.Level, debug: DebugNamespaces) {
        self.minimumLevel = minimumLevel
        self.debug = debug
    }

    /// The level a logger must be set to so that every line this policy may pass reaches the handler: swift-log drops
    /// lines below a logger's level before the handler sees them.
    package var handlerLevel: Logger.Level {
        // DebugNamespaces keeps its patterns private; one parsed from nothing is the one that switches nothing on.
        let switchesNamespacesOn = self.debug != DebugNamespaces("")
        return switchesNamespacesOn ? min(self.minimumLevel, .debug) : self.minimumLevel
    }

    /// Whether a line at `level` in `namespace` (nil: none) is written.
    package func allows(_ level: Logger.Level, namespace: String?) -> Bool {
        guard let namespace else { return level >= self.minimumLevel }
        if self.debug.isEnabled(namespace) { return level >= min(self.minimumLevel, .debug) }
        return level >= max(self.minimumLevel, .info)
    }
}
