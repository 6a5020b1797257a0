import Foundation

/// Runs command-line tools for the throwaway cluster and fails with their output when they do.
enum TestProcess {
    struct Failure: Error, CustomStringConvertible {
        var command: String
        var status: Int32
        var output: String

        var description: String { "`\(self.command)` exited with \(self.status):\n\(self.output)" }
    }

    /// Runs `executable` with `arguments`, as the `postgres` user when this process is root (PostgreSQL refuses root).
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], asPostgresUser: Bool = false) throws -> String {
        var executable = executable
        var arguments = arguments
        if asPostgresUser, geteuid() == 0 {
            arguments = ["-u", "postgres", "--", executable] + arguments
            executable = try self.find("runuser", extraDirectories: ["/usr/sbin", "/sbin"]) ?? "/usr/sbin/runuser"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus, output: text)
        }
        return text
    }

    /// The first executable named `name` in `PATH`, then in `extraDirectories`.
    static func find(_ name: String, extraDirectories: [String] = []) throws -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + extraDirectories
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
