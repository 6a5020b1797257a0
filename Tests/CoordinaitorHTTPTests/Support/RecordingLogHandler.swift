import Logging
import Synchronization

/// Keeps every log line in memory, so tests can read what the server logged without bootstrapping the logging system.
///
/// A value type, as swift-log expects: metadata and level belong to each logger copy (Hummingbird reads the request id
/// back from the metadata); only the recorded lines are shared.
struct RecordingLogHandler: LogHandler, Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    final class Recording: Sendable {
        fileprivate let entries = Mutex<[Entry]>([])

        var entriesRecorded: [Entry] { self.entries.withLock { $0 } }
    }

    let recording: Recording
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(recording: Recording = Recording()) {
        self.recording = recording
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = self.metadata.merging(event.metadata ?? [:]) { $1 }
        let entry = Entry(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" })
        self.recording.entries.withLock { $0.append(entry) }
    }

    var recorded: [Entry] { self.recording.entriesRecorded }
}
