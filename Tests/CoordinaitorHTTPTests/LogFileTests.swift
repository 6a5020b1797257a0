import CoordinaitorApp
import CoordinaitorDomain
import CoordinaitorServices
import Foundation
import Logging
import Testing

@Suite("Log files: routing and rotation")
struct LogFileTests {
    /// A logger over `output` that lets every line through.
    static func logger(_ output: LogOutput) -> Logger {
        let policy = LogLevelPolicy(minimumLevel: .trace, debug: DebugNamespaces("*"))
        return Logger(label: "test") { _ in CoordinaitorLogHandler(output: output, policy: policy) }
    }

    static func contents(_ directory: URL, _ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func namespacesPickTheirFileAndEveryLineReachesTheConsole() throws {
        let capture = try LogCapture()
        let output = LogOutput(configuration: .init(console: capture.logConsole, directory: capture.logDirectory.path))
        let logger = Self.logger(output)
        logger.scoped(.tenantResolve).debug("resolution line")
        logger.scoped(.tenantIsolation).warning("isolation line")
        logger.scoped(.organizationPurge).notice("purge line")
        logger.scoped(.authToken).info("token line")
        logger.info("plain line")
        output.close()

        let tenant = try Self.contents(capture.logDirectory, "tenant-isolation.log")
        let organization = try Self.contents(capture.logDirectory, "organization-service.log")
        let console = try String(contentsOf: capture.consoleFile, encoding: .utf8)
        #expect(tenant.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 2)
        #expect(tenant.contains("resolution line") && tenant.contains("isolation line"))
        #expect(organization.contains("purge line") && !organization.contains("tenant"))
        for line in ["resolution line", "isolation line", "purge line", "token line", "plain line"] {
            #expect(console.contains(line))
        }
        #expect(!tenant.contains("token line") && !organization.contains("plain line"))
    }

    @Test func filesRotateBySizeAndKeepAtMostTheConfiguredCount() throws {
        let capture = try LogCapture()
        let maximumBytes = 400
        let output = LogOutput(
            configuration: .init(console: nil, directory: capture.logDirectory.path, maximumFileBytes: maximumBytes, fileCount: 3)
        )
        let logger = Self.logger(output).scoped(.tenantCache)
        for index in 1...60 {
            logger.debug("line \(String(format: "%03d", index))")
        }
        output.close()

        let names = try FileManager.default.contentsOfDirectory(atPath: capture.logDirectory.path).filter { $0.hasPrefix("tenant-isolation.log") }
        #expect(Set(names) == ["tenant-isolation.log", "tenant-isolation.log.1", "tenant-isolation.log.2", "tenant-isolation.log.3"])
        // Oldest first: .3, .2, .1, then the live file; together they hold the latest lines, in order, without a gap.
        let ordered = try ["tenant-isolation.log.3", "tenant-isolation.log.2", "tenant-isolation.log.1", "tenant-isolation.log"].map {
            try Self.contents(capture.logDirectory, $0)
        }
        for file in ordered {
            #expect(file.utf8.count <= maximumBytes)
            #expect(file.hasSuffix("\n"))
        }
        let numbers = ordered.joined().split(separator: "\n").compactMap { line -> Int? in
            guard let marker = line.range(of: "msg=\"line ") else { return nil }
            return Int(line[marker.upperBound...].prefix(3))
        }
        #expect(numbers.last == 60)
        #expect(numbers == Array((61 - numbers.count)...60))
        #expect(numbers.count < 60)
    }

    @Test func aRestartAppendsAndCountsTheExistingSize() throws {
        let capture = try LogCapture()
        let configuration = LogOutput.Configuration(console: nil, directory: capture.logDirectory.path, maximumFileBytes: 300, fileCount: 1)
        let first = LogOutput(configuration: configuration)
        Self.logger(first).scoped(.organizationService).info("before the restart")
        first.close()
        let second = LogOutput(configuration: configuration)
        let logger = Self.logger(second).scoped(.organizationService)
        logger.info("after the restart")
        logger.info("and one more line that no longer fits")
        second.close()

        let rotated = try Self.contents(capture.logDirectory, "organization-service.log.1")
        let live = try Self.contents(capture.logDirectory, "organization-service.log")
        #expect(rotated.contains("before the restart") && rotated.contains("after the restart"))
        #expect(live.contains("no longer fits") && !live.contains("restart"))
    }

    @Test func withoutALogDirectoryNothingIsCreated() throws {
        let capture = try LogCapture()
        let configuration = try AppConfiguration(reading: { ["LOG_DIR": "", "DEBUG": "tenant:*"][$0] })
        #expect(configuration.logDirectory == nil)
        let output = LogOutput(configuration: .init(configuration, console: capture.logConsole))
        Self.logger(output).scoped(.tenantResolve).debug("console only")
        output.close()
        #expect(!FileManager.default.fileExists(atPath: capture.logDirectory.path))
        #expect(try String(contentsOf: capture.consoleFile, encoding: .utf8).contains("console only"))
    }
}
