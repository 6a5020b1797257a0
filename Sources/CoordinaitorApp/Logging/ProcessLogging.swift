import CoordinaitorDomain
import Foundation
import Logging
import Synchronization

/// The process's logging: installs ``CoordinaitorLogHandler`` as swift-log's handler, once, for the command line.
///
/// swift-log's handler factory is process-wide by design, so the output it writes to is too; this is the one place that
/// holds it, so that the process can flush it on exit. Tests never come here: they build loggers with the handler
/// directly (`Logger(label:factory:)`), as swift-log's testing guide asks.
package enum ProcessLogging {
    private static let installed = Mutex<LogOutput?>(nil)

    /// Bootstraps swift-log from `LOG_LEVEL`, `DEBUG`, `LOG_DIR`, `LOG_FILE_MAX_BYTES` and `LOG_FILE_COUNT`, and
    /// returns the process logger. Lines also written after this (by libraries that make their own loggers) take the
    /// same path. Calling it again keeps the first installation and returns another logger over it.
    /// - Parameters:
    ///   - console: standard output for the server; standard error for commands whose results go to standard output.
    package static func bootstrap(_ configuration: AppConfiguration, console: LogConsole) -> Logger {
        self.installed.withLock { installed in
            guard installed == nil else { return }
            let policy = LogLevelPolicy(configuration)
            let output = LogOutput(configuration: LogOutput.Configuration(configuration, console: console))
            LoggingSystem.bootstrap { _ in CoordinaitorLogHandler(output: output, policy: policy) }
            // Lines still queued when the command returns or calls exit() are written before the process ends.
            atexit { ProcessLogging.flush() }
            installed = output
        }
        return Logger(label: "coordinaitor")
    }

    /// Waits until every line logged so far is written.
    package static func flush() {
        self.installed.withLock { $0 }?.flush()
    }
}

extension LogLevelPolicy {
    /// `LOG_LEVEL` and `DEBUG`.
    package init(_ configuration: AppConfiguration) {
        self.init(minimumLevel: Logger.Level(rawValue: configuration.logLevel) ?? .info, debug: configuration.debug)
    }
}

extension LogOutput.Configuration {
    /// `LOG_DIR`, `LOG_FILE_MAX_BYTES` and `LOG_FILE_COUNT`.
    package init(_ configuration: AppConfiguration, console: LogConsole?) {
        self.init(
            console: console,
            directory: configuration.logDirectory,
            maximumFileBytes: configuration.logFileMaximumBytes,
            fileCount: configuration.logFileCount
        )
    }
}
