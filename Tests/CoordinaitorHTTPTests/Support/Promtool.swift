import Foundation

/// `promtool check metrics` from Prometheus (Debian's `prometheus` package), when it is installed: the reference
/// linter of the exposition format, on top of the tests' own parser.
enum Promtool {
    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs the check on `exposition`; nil when promtool is not installed.
    static func checkMetrics(_ exposition: String) throws -> Result? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        guard let executable = directories.map({ $0 + "/promtool" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            return nil
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-metrics-\(UUID().uuidString).txt")
        try Data(exposition.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["check", "metrics"]
        process.standardInput = try FileHandle(forReadingFrom: input)
        // Output goes to a file, read after the exit: Foundation's `readDataToEndOfFile` on a pipe traps (`try!`) when
        // a signal interrupts the read, as SIGCHLD from the other suites' child processes (pg_ctl) can.
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-promtool-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: outputURL.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: outputURL.path])
        }
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let output = try FileHandle(forWritingTo: outputURL)
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let data = try Data(contentsOf: outputURL)
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
