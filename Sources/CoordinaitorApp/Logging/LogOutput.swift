import Dispatch
import Foundation
import Logging
import Synchronization

/// Where formatted lines go: the console, and by namespace the files under `LOG_DIR` (``LogFileRoute``).
///
/// A logging thread (often an event loop) only appends its line to an in-memory batch under a lock and, for the first
/// line of a batch, schedules a drain on a serial background queue. The queue writes each batch with one system call
/// per destination and rotates the files, so under load lines gather into bigger batches rather than more system calls
/// on the event loop. When the disk or the console's reader stalls, the batch is capped at `pendingLimit` bytes: later
/// lines are dropped and counted, and a warning line gives the count once the output catches up (an unbounded queue
/// would turn a slow disk into an out-of-memory crash).
///
/// ``flush()`` returns once every line logged before it is written; the process calls it on the way out.
package final class LogOutput: Sendable {
    package struct Configuration: Sendable {
        /// Where every line goes; nil writes files only (tests).
        package var console: LogConsole?
        /// `LOG_DIR`, created when missing; nil writes no files.
        package var directory: String?
        /// `LOG_FILE_MAX_BYTES`.
        package var maximumFileBytes: Int
        /// `LOG_FILE_COUNT`: rotated files kept per log file.
        package var fileCount: Int
        package var routes: [LogFileRoute]
        /// Bytes that may wait for the writer before lines are dropped.
        package var pendingLimit: Int

        package init(
            console: LogConsole?,
            directory: String?,
            maximumFileBytes: Int = 10 << 20,
            fileCount: Int = 5,
            routes: [LogFileRoute] = LogFileRoute.all,
            pendingLimit: Int = 16 << 20
        ) {
            self.console = console
            self.directory = directory
            self.maximumFileBytes = maximumFileBytes
            self.fileCount = fileCount
            self.routes = routes
            self.pendingLimit = pendingLimit
        }
    }

    fileprivate struct Line {
        var bytes: [UInt8]
        /// Index into `Configuration.routes`, when the line also goes to a file.
        var route: Int?
    }

    fileprivate struct Batch {
        var lines: [Line] = []
        var bytes = 0
        var dropped = 0
        var drainScheduled = false
    }

    /// Touched only by drains (on `queue`); the lock makes that visible to the compiler and costs nothing uncontended.
    fileprivate struct Destinations {
        var console: LogConsole?
        /// One per route, or empty when there is no `LOG_DIR`.
        var files: [RotatingLogFile]
        var isClosed = false
    }

    private let configuration: Configuration
    private let batch = Mutex(Batch())
    private let destinations: Mutex<Destinations>
    private let queue = DispatchQueue(label: "coordinaitor.log-output", qos: .utility)
    private let formatter = LogLineFormatter()

    package init(configuration: Configuration) {
        self.configuration = configuration
        var files: [RotatingLogFile] = []
        if let directory = configuration.directory {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                files = configuration.routes.map { route in
                    RotatingLogFile(
                        path: (directory as NSString).appendingPathComponent(route.fileName),
                        maximumBytes: configuration.maximumFileBytes,
                        keptFiles: configuration.fileCount
                    )
                }
            } catch {
                POSIXFile.reportProblem("cannot create LOG_DIR \(directory): \(error.localizedDescription); logging to the console only")
            }
        }
        self.destinations = Mutex(Destinations(console: configuration.console, files: files))
    }

    /// Queues `line` (one formatted line, newline included); a line of a routed namespace also goes to its file.
    package func write(_ line: String, namespace: String?) {
        let route = namespace.flatMap { namespace in self.configuration.routes.firstIndex { $0.takes(namespace) } }
        let bytes = Array(line.utf8)
        let schedulesDrain = self.batch.withLock { batch in
            guard batch.bytes + bytes.count <= self.configuration.pendingLimit else {
                batch.dropped += 1
                return false
            }
            batch.lines.append(Line(bytes: bytes, route: route))
            batch.bytes += bytes.count
            if batch.drainScheduled { return false }
            batch.drainScheduled = true
            return true
        }
        if schedulesDrain {
            self.queue.async { self.drain() }
        }
    }

    /// Waits until every line queued before the call is written.
    package func flush() {
        self.queue.sync { self.drain() }
    }

    /// Writes what is queued and closes the files; later lines go nowhere.
    package func close() {
        self.queue.sync {
            self.drain()
            self.destinations.withLock { destinations in
                for index in destinations.files.indices { destinations.files[index].close() }
                destinations.files = []
                destinations.console = nil
                destinations.isClosed = true
            }
        }
    }

    /// Writes batches until none is left. Runs on `queue` only.
    private func drain() {
        while true {
            let taken: (lines: [Line], dropped: Int)? = self.batch.withLock { batch in
                guard !batch.lines.isEmpty || batch.dropped > 0 else {
                    batch.drainScheduled = false
                    return nil
                }
                defer { batch = Batch(drainScheduled: true) }
                return (batch.lines, batch.dropped)
            }
            guard let taken else { return }
            var lines = taken.lines
            if taken.dropped > 0 {
                let notice = self.formatter.format(
                    timestamp: Date(),
                    level: .warning,
                    message: "Log output fell behind; lines were dropped",
                    metadata: ["log.dropped_lines": "\(taken.dropped)"]
                )
                lines.append(Line(bytes: Array(notice.utf8), route: nil))
            }
            self.destinations.withLock { $0.write(lines) }
        }
    }
}

extension LogOutput.Destinations {
    fileprivate mutating func write(_ lines: [LogOutput.Line]) {
        guard !self.isClosed else { return }
        if let console = self.console {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(lines.reduce(0) { $0 + $1.bytes.count })
            for line in lines { chunk.append(contentsOf: line.bytes) }
            // The console is the last resort: if it fails there is nowhere left to say so.
            _ = POSIXFile.writeAll(chunk, to: console.descriptor)
        }
        guard !self.files.isEmpty else { return }
        for line in lines {
            if let route = line.route { self.files[route].append(line.bytes) }
        }
        for index in self.files.indices { self.files[index].flush() }
    }
}

/// The stream every line is written to.
package struct LogConsole: Hashable, Sendable {
    package var descriptor: Int32

    /// Any open, writable descriptor (a test's temporary file, say).
    package init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The server's lines.
    package static let standardOutput = LogConsole(descriptor: 1)
    /// The lines of commands whose own output goes to standard output (`org list`), so a pipe gets only that output.
    package static let standardError = LogConsole(descriptor: 2)
}
