import CoordinaitorServices
import Foundation
import Logging

/// The server's log handler: filters each line by ``LogLevelPolicy`` (`LOG_LEVEL`, and `DEBUG` by namespace), formats
/// it as one redacted logfmt line (``LogLineFormatter``) and hands it to a shared ``LogOutput``.
///
/// A value type, as swift-log expects: metadata and level belong to each logger copy (Hummingbird adds the request id
/// to its copy, the tenant middleware the organization id, ``Logging/Logger/scoped(_:)`` the namespace); the output is
/// shared by every copy. The process installs it once through ``ProcessLogging``; tests build loggers with it directly:
///
/// ```swift
/// let output = LogOutput(configuration: .init(console: nil, directory: directory))
/// let logger = Logger(label: "test") { _ in CoordinaitorLogHandler(output: output, policy: policy) }
/// ```
package struct CoordinaitorLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var metadataProvider: Logger.MetadataProvider?
    /// swift-log's own cut-off, checked before this handler sees a line: ``LogLevelPolicy/handlerLevel`` lets through
    /// every line the policy may pass, and the policy then decides line by line.
    package var logLevel: Logger.Level

    private let output: LogOutput
    private let policy: LogLevelPolicy
    private let formatter = LogLineFormatter()
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - now: the clock the timestamps come from (tests pin it).
    package init(
        output: LogOutput,
        policy: LogLevelPolicy,
        metadataProvider: Logger.MetadataProvider? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.output = output
        self.policy = policy
        self.metadataProvider = metadataProvider
        self.logLevel = policy.handlerLevel
        self.now = now
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var metadata = self.metadata
        if let provided = self.metadataProvider?.get() { metadata.merge(provided) { _, provided in provided } }
        if let given = event.metadata { metadata.merge(given) { _, given in given } }
        let namespace = metadata[LogNamespace.metadataKey]?.description
        guard self.policy.allows(event.level, namespace: namespace) else { return }
        if let error = event.error, metadata["error"] == nil {
            metadata["error"] = "\(String(reflecting: error))"
        }
        let line = self.formatter.format(timestamp: self.now(), level: event.level, message: "\(event.message)", metadata: metadata)
        self.output.write(line, namespace: namespace)
    }
}
