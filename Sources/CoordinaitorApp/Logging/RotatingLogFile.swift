/// One log file that rotates by size: before a line would take `x.log` past `maximumBytes`, `x.log` becomes `x.log.1`,
/// `x.log.1` becomes `x.log.2` and so on up to `x.log.<keptFiles>`; the oldest is overwritten, so at most `keptFiles`
/// rotated files exist beside the live one.
///
/// Not thread-safe: ``LogOutput`` owns it and only touches it from its writer queue. Lines are collected per batch and
/// written with one system call per batch (or per rotation within a batch), not one per line.
///
/// A line longer than `maximumBytes` still goes in, alone in a fresh file: losing it would be worse than a big file.
/// I/O failures never reach the caller (a log writer must not take the server down); they are reported on standard
/// error once when they start, and the file is reopened at the next batch.
struct RotatingLogFile {
    let path: String
    let maximumBytes: Int
    let keptFiles: Int

    private var descriptor: Int32 = -1
    /// Bytes in the live file, including what `pending` will add.
    private var size = 0
    private var pending: [UInt8] = []
    /// Set while writes fail, so a full disk reports once rather than once per batch.
    private var isFailing = false

    init(path: String, maximumBytes: Int, keptFiles: Int) {
        self.path = path
        self.maximumBytes = max(1, maximumBytes)
        self.keptFiles = max(1, keptFiles)
        self.reopen()
    }

    /// Queues one line (with its newline), rotating first when it would not fit.
    mutating func append(_ line: [UInt8]) {
        if self.size > 0, self.size + line.count > self.maximumBytes {
            self.flush()
            self.rotate()
        }
        self.pending.append(contentsOf: line)
        self.size += line.count
    }

    /// Writes what ``append(_:)`` queued.
    mutating func flush() {
        defer { self.pending.removeAll(keepingCapacity: true) }
        guard !self.pending.isEmpty else { return }
        if self.descriptor < 0 { self.reopen() }
        guard self.descriptor >= 0 else { return }
        if let failure = POSIXFile.writeAll(self.pending, to: self.descriptor) {
            self.failed("cannot write \(self.path): \(failure)")
        } else {
            self.isFailing = false
        }
    }

    mutating func close() {
        self.flush()
        if self.descriptor >= 0 { POSIXFile.closeDescriptor(self.descriptor) }
        self.descriptor = -1
    }

    private mutating func rotate() {
        if self.descriptor >= 0 { POSIXFile.closeDescriptor(self.descriptor) }
        // rename() replaces its target, so shifting from the top drops the oldest file without a separate delete.
        for generation in stride(from: self.keptFiles - 1, through: 1, by: -1) {
            POSIXFile.renameIfPresent("\(self.path).\(generation)", to: "\(self.path).\(generation + 1)")
        }
        POSIXFile.renameIfPresent(self.path, to: "\(self.path).1")
        self.reopen()
    }

    private mutating func reopen() {
        self.descriptor = POSIXFile.openForAppending(self.path)
        guard self.descriptor >= 0 else {
            self.size = self.pending.count
            self.failed("cannot open \(self.path): \(POSIXFile.lastError())")
            return
        }
        // With O_APPEND the end of the file is where the next write goes: its offset is the size to rotate by.
        self.size = POSIXFile.endOffset(self.descriptor) + self.pending.count
    }

    private mutating func failed(_ problem: String) {
        if !self.isFailing { POSIXFile.reportProblem(problem) }
        self.isFailing = true
    }
}
