import CoordinaitorApp
import Foundation
import Logging
import Synchronization

/// A temporary directory that receives the server's real log output: `logs/` is its `LOG_DIR`, and `console.log` stands
/// in for standard output. Tests then read exactly what an operator would, without bootstrapping swift-log.
final class LogCapture: Sendable {
    let root: URL
    private let console: FileHandle
    private let output = Mutex<LogOutput?>(nil)

    var logDirectory: URL { self.root.appendingPathComponent("logs") }
    var consoleFile: URL { self.root.appendingPathComponent("console.log") }

    init() throws {
        self.root = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-logs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
        try Data().write(to: self.root.appendingPathComponent("console.log"))
        self.console = try FileHandle(forWritingTo: self.root.appendingPathComponent("console.log"))
    }

    deinit {
        self.output.withLock { $0 }?.close()
        try? self.console.close()
        try? FileManager.default.removeItem(at: self.root)
    }

    /// `LOG_DIR` for the server's environment.
    var environment: [String: String] { ["LOG_DIR": self.logDirectory.path] }

    /// The console as a ``LogConsole``, for outputs a test builds itself.
    var logConsole: LogConsole { LogConsole(descriptor: self.console.fileDescriptor) }

    /// The server's logger: the production handler over an output built from the server's own configuration.
    func makeLogger(_ configuration: AppConfiguration) -> Logger {
        let output = LogOutput(configuration: LogOutput.Configuration(configuration, console: self.logConsole))
        self.output.withLock { $0 = output }
        let policy = LogLevelPolicy(configuration)
        return Logger(label: "test") { _ in CoordinaitorLogHandler(output: output, policy: policy) }
    }

    /// Writes what is queued, then reads a file of `logs/` by name (nil when it does not exist).
    func logFile(_ name: String) throws -> String? {
        self.output.withLock { $0 }?.flush()
        let url = self.logDirectory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Writes what is queued, then reads the console and every file under `logs/`, keyed by file name.
    func everything() throws -> [String: String] {
        self.output.withLock { $0 }?.flush()
        var contents = ["console": try String(contentsOf: self.consoleFile, encoding: .utf8)]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: self.logDirectory.path)) ?? [] {
            contents[name] = try String(contentsOf: self.logDirectory.appendingPathComponent(name), encoding: .utf8)
        }
        return contents
    }
}
