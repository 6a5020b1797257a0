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
        // Output goes to a file, not a pipe: `pg_ctl start` leaves a server running that would hold a pipe open forever.
        // posix_spawn and waitpid rather than Foundation's Process, whose exit monitoring missed `pg_ctl start` ending.
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("coordinaitor-process-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw Failure(command: executable, status: spawned, output: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS, which Swift cannot import as macros.
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        guard exitStatus == 0 else {
            throw Failure(command: ([executable] + arguments).joined(separator: " "), status: exitStatus, output: text)
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
