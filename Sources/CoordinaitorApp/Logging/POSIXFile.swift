#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls the log output needs, on raw descriptors: `FileHandle` would throw Objective-C-style
/// exceptions on some failures and buffers nothing we want, and a log writer must never take the process down.
enum POSIXFile {
    /// Opens `path` for appending, creating it (mode 0640: logs hold organization ids and emails); -1 on failure.
    static func openForAppending(_ path: String) -> Int32 {
        open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
    }

    /// Writes every byte, retrying short writes and interrupted calls.
    /// - Returns: nil, or why the bytes could not all be written.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR || errno == EAGAIN {
                    // A non-blocking stdout that is full: wait a moment for the reader rather than drop the line.
                    if errno == EAGAIN { usleep(1000) }
                } else {
                    return self.lastError()
                }
            }
            return nil
        }
    }

    /// The size of an open file, from its end offset.
    static func endOffset(_ descriptor: Int32) -> Int {
        Int(max(0, lseek(descriptor, 0, SEEK_END)))
    }

    static func closeDescriptor(_ descriptor: Int32) {
        _ = close(descriptor)
    }

    /// Renames `source`; a missing source is not an error (a rotation before the first files exist).
    static func renameIfPresent(_ source: String, to target: String) {
        _ = rename(source, target)
    }

    /// Tells the operator about a problem of the log output itself, on standard error: it cannot go through the log.
    static func reportProblem(_ problem: String) {
        _ = self.writeAll(Array("coordinaitor: log output: \(problem)\n".utf8), to: STDERR_FILENO)
    }

    /// The text of the current `errno`.
    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
